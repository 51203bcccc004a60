"""Rule 521: placed for adoption before the decision that adoption is in the child's interests."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="521",
    message=(
        "Date of local authority's decision (LA) that adoption is in the best interests of the "
        "child (date should be placed) must be on or prior to the date the child is placed for "
        "adoption."
    ),
    tables=["Episodes", "AD1"],
    fields=["PLACE", "DECOM", "DATE_INT"],
    tags=["dates", "adoption"],
)
def placed_for_adoption_before_decision(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child was placed for adoption before the decision that adoption is in their best interests.

    Check the date of that decision (DATE_INT) in the adoption record and the start date (DECOM) of
    each adoption placement (A3 to A6), and correct whichever is wrong.
    """
    # A child is placed for adoption only once the LA has decided adoption is in their best
    # interests. DfE's coding (quoted by the peer) compares DATE_INT with the DECOM of every episode
    # placed for adoption, so each one starting before DATE_INT is flagged, with the child's AD1
    # row. A blank or unreadable date cannot be compared.
    decisions = ctx.table("AD1")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION")).fill_null(False)
    episodes = ctx.table("Episodes").filter(placed)
    # Each episode names the AD1 row whose DATE_INT it was compared with; each AD1 row, the
    # episodes that started too early.
    compared = decisions.select("CHILD", "DATE_INT", pl.col("_row").alias(RELATED_ROW))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives an episode with no AD1 row a
    # blank DATE_INT, and a comparison with a blank is dropped, as the inner join drops the row.
    dated = episodes.join(compared, on="CHILD", how="inner")
    early = dated.filter(pl.col("DECOM") < pl.col("DATE_INT"))
    flagged_decisions = decisions.join(early.select("CHILD").unique(), on="CHILD", how="semi")
    return {
        "Episodes": early.with_columns(pl.lit("AD1").alias(RELATED_TABLE)),
        "AD1": beside(flagged_decisions, early, "Episodes"),
    }


CASES = [
    Case(
        "a placement the day before the decision is flagged with the AD1 row; on or after is not",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["1", "10/05/2023"],
                ["2", "10/05/2023"],
                ["3", "10/05/2023"],
                ["9", "10/05/2023"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "09/05/2023", "A5"],
                ["1", "01/04/2023", "U1"],
                ["2", "10/05/2023", "A3"],
                ["3", "11/05/2023", "A6"],
                ["9", "01/05/2023", "A3"],
                ["9", "12/05/2023", "A5"],
                ["9", "09/05/2023", "A4"],
            ),
        },
        flagged={"Episodes": [0, 4, 6], "AD1": [0, 3]},
        related=(
            ("Episodes", 0, "AD1", 0),
            ("Episodes", 4, "AD1", 3),
            ("Episodes", 6, "AD1", 3),
            ("AD1", 0, "Episodes", 0),
            ("AD1", 3, "Episodes", 4),
            ("AD1", 3, "Episodes", 6),
        ),
    ),
    Case(
        "a placement that is not for adoption, or whose PLACE is blank, is not compared",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["10", "10/05/2023"],
                ["11", "10/05/2023"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["10", "09/05/2023", "U1"],
                ["11", "09/05/2023", ""],
            ),
        },
    ),
    Case(
        "a blank or unreadable DECOM or DATE_INT, or no AD1 row, is not flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["4", ""],
                ["5", "10/05/2023"],
                ["7", "31/02/2023"],
                ["8", "10/05/2023"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["4", "01/04/2023", "A5"],
                ["5", "", "A4"],
                ["6", "01/04/2023", "A4"],
                ["7", "09/05/2023", "A5"],
                ["8", "2023-05-09", "A5"],
            ),
        },
    ),
]
