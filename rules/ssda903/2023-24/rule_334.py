"""Rule 334: the decision to place for adoption predates the latest period of care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.groups import pairs_naming_each_other
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="334",
    message=(
        "Date child started to be looked after in latest period of care must be on or prior to "
        "the date should be placed for adoption. "
    ),
    tables=["AD1", "Episodes"],
    fields=["DATE_INT", "DECOM", "RNE"],
    tags=["adoption", "dates"],
)
def adoption_decision_before_care_began(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """The decision to place for adoption is dated before the child's latest period of care began.

    Compare the date of the decision that the child should be placed for adoption (DATE_INT) with
    the start date of the episode in which the child last started to be looked after (RNE S), and
    correct whichever is wrong.
    """
    # DATE_INT must be on or after the DECOM of the child's latest episode with RNE S: the latest
    # RNE S episode starts the latest period of care. Blank or unreadable dates are not compared. No
    # AD1 table means no adoptions. Both rows are flagged.
    starts = ctx.table("Episodes").filter(
        pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")) & pl.col("DECOM").is_not_null()
    )
    # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): no DECOM is above its child's latest, so
    # >= the maximum is == the maximum.
    latest = starts.filter(pl.col("DECOM") == pl.col("DECOM").max().over(child_of_row()))
    decisions = ctx.table_or_empty("AD1").select(
        pl.col("_row").alias("ad1_row"), "CHILD", "DATE_INT"
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no AD1 row a blank
    # DATE_INT, the comparison is then blank and the filter drops the row as the inner join does.
    clashes = latest.join(decisions, on="CHILD", how="inner").filter(
        pl.col("DATE_INT") < pl.col("DECOM")
    )
    # The episode and the AD1 row each name the other.
    return pairs_naming_each_other(clashes, "Episodes", "AD1", "ad1_row")


CASES = [
    Case(
        "a decision the day before, or long before, the latest period of care began is flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["2", "30/04/2023"],
                ["3", "01/01/2023"],
                ["5", "01/01/2019"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["2", "01/05/2023", "S"],
                ["3", "01/01/2020", "S"],
                ["3", "01/06/2022", "P"],
                ["3", "01/02/2023", "S"],
                ["5", "01/01/2020", "S"],
                ["5", "01/02/2023", "S"],
            ),
        },
        flagged={"AD1": [0, 1, 2], "Episodes": [0, 3, 5]},
        related=(
            ("AD1", 0, "Episodes", 0),
            ("AD1", 1, "Episodes", 3),
            ("AD1", 2, "Episodes", 5),
            ("Episodes", 0, "AD1", 0),
            ("Episodes", 3, "AD1", 1),
            ("Episodes", 5, "AD1", 2),
        ),
    ),
    Case(
        "a decision on or after the latest start, or blank or unreadable dates, is not flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["1", "01/05/2023"],
                ["4", ""],
                ["6", "01/03/2023"],
                ["7", "01/03/2022"],
                ["8", "31/04/2023"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "01/05/2023", "S"],
                ["4", "01/05/2023", "S"],
                ["6", "01/01/2020", "S"],
                ["6", "01/06/2023", "P"],
                ["7", "01/01/2020", "S"],
                ["7", "31/02/2023", "S"],
                ["8", "01/05/2023", "S"],
            ),
        },
        flagged={},
    ),
]
