"""Rule 215: a care leaver also has outcomes for children looked after for 12 months."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table

OC2_ITEMS = [
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
]


@rule(
    code="215",
    message=(
        "Child has care leaver information but one or more data items relating to children "
        "looked after for 12 months have been completed."
    ),
    tables=["OC2", "OC3"],
    fields=[
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    tags=["care-leavers"],
)
def care_leaver_with_twelve_month_outcomes(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A young person with care leaver (OC3) details also has 12-month outcomes (OC2) details.

    Outcomes for children looked after for 12 months (convictions, health, substance misuse) are not
    returned for a care leaver: check which record belongs to the child and remove the other.
    """
    # Care leaver items are IN_TOUCH, ACTIV and ACCOM; the OC2 items are listed in OC2_ITEMS. SDQ
    # items are not part of DfE's list and are not checked. Both the OC2 and the OC3 row are
    # flagged.
    leaver_items = pl.any_horizontal(
        pl.col(c).is_not_null() for c in ["IN_TOUCH", "ACTIV", "ACCOM"]
    )
    outcome_items = pl.any_horizontal(pl.col(c).is_not_null() for c in OC2_ITEMS)
    leavers = ctx.table("OC3").filter(leaver_items)
    with_outcomes = ctx.table("OC2").filter(outcome_items)

    # Each row is named beside the other table's rows of the child.
    def named(frame: pl.LazyFrame, name: str) -> pl.LazyFrame:
        return frame.select(
            "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit(name).alias(RELATED_TABLE)
        )

    return {
        "OC2": with_outcomes.join(named(leavers, "OC3"), on="CHILD", how="inner"),
        "OC3": leavers.join(named(with_outcomes, "OC2"), on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "a care leaver with any OC2 outcome item is flagged in both tables",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "", "", "B1"],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED", "INTERVENTION_OFFERED", "SDQ_SCORE"],
                ["1", "0", "", ""],
                ["2", "", "1", ""],
            ),
        },
        flagged={"OC2": [0, 1], "OC3": [0, 1]},
        related=(
            ("OC2", 0, "OC3", 0),
            ("OC2", 1, "OC3", 1),
            ("OC3", 0, "OC2", 0),
            ("OC3", 1, "OC2", 1),
        ),
    ),
    Case(
        "SDQ items alone, a blank OC3 row, and OC2 or OC3 alone are not flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["3", "YES", "F1", "B1"],
                ["4", "", "", ""],
                ["5", "NO", "0", "0"],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED", "INTERVENTION_OFFERED", "SDQ_SCORE"],
                ["3", "", "", "12"],
                ["4", "1", "", ""],
                ["6", "1", "1", ""],
            ),
        },
        flagged={},
    ),
]
