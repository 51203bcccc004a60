"""Rule 185: an SDQ score is given for a child not looked after continuously for 12 months."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="185",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 March but a "
        "Strengths and Difficulties (SDQ) score has been completed."
    ),
    tables=["OC2", "Episodes"],
    fields=["SDQ_SCORE"],
    tags=["outcomes"],
)
def sdq_score_outside_oc2_cohort(ctx: RuleContext) -> pl.LazyFrame:
    """An OC2 record with an SDQ score belongs to a child looked after continuously for 12
    months at 31 March (the OC2 cohort, read from the episodes).

    Why: a score that is filled in but not a number still counts as completed.
    """
    cohort = oc2_cohort(ctx)
    scored = ctx.table("OC2").filter(pl.col(raw_name("SDQ_SCORE")).is_not_null())
    return scored.join(cohort, on="CHILD", how="anti")


CASES = [
    Case(
        "a score for a child who entered care in the year, or has no episodes, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/04/2023", "S", "C2", "", ""],
                ["2", "02/04/2023", "S", "C2", "", ""],
                ["3", "01/01/2022", "S", "C2", "", ""],
                ["4", "01/01/2022", "S", "C2", "31/03/2024", "E8"],
            ),
            "OC2": table(
                ["CHILD", "SDQ_SCORE"],
                ["1", "12"],
                ["2", "12"],
                ["3", ""],
                ["4", "0"],
                ["5", "x"],
                ["2", ""],
            ),
        },
        flagged={"OC2": [1, 3, 4]},
        period="2023-24",
    ),
]
