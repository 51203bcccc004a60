"""Rule 331: the child was matched with adopters after being placed for adoption."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import pairs_naming_each_other
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="331",
    message=(
        "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
        "placement of adoption."
    ),
    tables=["AD1", "Episodes"],
    fields=["DATE_MATCH", "DECOM", "REC"],
    tags=["adoption", "dates"],
)
def matched_after_adoption_placement(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The child was matched with adopters after the start of the episode that ended in adoption.

    A child is matched with adopters before being placed with them: check the date matched
    (DATE_MATCH) and the start date (DECOM) of the episode that ended with E11 or E12.
    """
    # Blank or unreadable dates are left to rules 113 and 141. No AD1 table means no adoptions.
    matches = ctx.table_or_empty("AD1").select(
        pl.col("_row").alias("ad1_row"), "CHILD", "DATE_MATCH"
    )
    adopted = ctx.table("Episodes").filter(pl.col("REC").is_in(ctx.codes("REC_ADOPTED")))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives an adoption with no AD1 row a blank
    # DATE_MATCH, the comparison is then blank and the filter drops the row as the inner join does.
    clashes = adopted.join(matches, on="CHILD", how="inner").filter(
        pl.col("DATE_MATCH") > pl.col("DECOM")
    )
    # The episode and the AD1 row each name the other.
    return pairs_naming_each_other(clashes, "Episodes", "AD1", "ad1_row")


CASES = [
    Case(
        "matched the day after the adoptive placement began is flagged; an earlier episode is not",
        tables={
            "AD1": table(
                ["CHILD", "DATE_MATCH"],
                ["1", "02/05/2024"],
                ["4", "02/05/2024"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/05/2024", "E11"],
                ["4", "01/05/2024", "X1"],
                ["4", "01/06/2024", "E11"],
            ),
        },
        flagged={"AD1": [0], "Episodes": [0]},
        related=(("AD1", 0, "Episodes", 0), ("Episodes", 0, "AD1", 0)),
    ),
    Case(
        "matched on or before the placement, or a blank, unreadable or unmatched date, is clear",
        tables={
            "AD1": table(
                ["CHILD", "DATE_MATCH"],
                ["2", "01/05/2024"],
                ["3", ""],
                ["5", "02/05/2024"],
                ["6", "30/04/2024"],
                ["7", "31/02/2024"],
                ["8", "02/05/2024"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["2", "01/05/2024", "E12"],
                ["3", "01/05/2024", "E11"],
                ["5", "", "E12"],
                ["6", "01/05/2024", "E11"],
                ["7", "01/05/2024", "E11"],
            ),
        },
        flagged={},
    ),
]
