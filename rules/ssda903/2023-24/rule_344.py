"""Rule 344: a care leaver who died or returned home has activity or accommodation recorded."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="344",
    message=(
        "The record shows the young person has died or returned home to live with parent(s) or "
        "someone with parental responsibility for a continuous period of 6 months or more, but "
        "activity and/or accommodation on leaving care have been completed."
    ),
    tables=["OC3"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def died_or_home_with_activity_or_accommodation(ctx: RuleContext) -> pl.LazyFrame:
    """A care leaver who died or returned home has an activity or accommodation recorded.

    When the young person has died (DIED) or returned home (RHOM), record activity and accommodation
    as 0 (not applicable).
    """
    # DfE's coding: if IN_TOUCH is DIED or RHOM then ACTIV and ACCOM should not be provided (0 for
    # this). A blank ACTIV or ACCOM is not "completed" and is left to rules 132 and 133.
    gone = pl.col("IN_TOUCH").is_in(
        ctx.codes("IN_TOUCH_DIED") + ctx.codes("IN_TOUCH_RETURNED_HOME")
    )
    activity = pl.col("ACTIV").is_not_null() & ~pl.col("ACTIV").is_in(ctx.codes("ACTIV_NONE"))
    accommodation = pl.col("ACCOM").is_not_null() & ~pl.col("ACCOM").is_in(ctx.codes("ACCOM_NONE"))
    return ctx.table("OC3").filter(gone & (activity | accommodation))


CASES = [
    Case(
        "an activity, an accommodation or both for a young person who died or went home is flagged",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["2", "DIED", "F1", "0"],
                ["3", "RHOM", "0", "B1"],
                ["7", "DIED", "F1", "B1"],
            )
        },
        flagged={"OC3": [0, 1, 2]},
    ),
    Case(
        "0 or blank for both, or an activity for a young person in touch or unknown, is clear",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "DIED", "0", "0"],
                ["4", "RHOM", "", ""],
                ["5", "YES", "F1", "B1"],
                ["6", "", "F1", "B1"],
            )
        },
        flagged={},
    ),
]
