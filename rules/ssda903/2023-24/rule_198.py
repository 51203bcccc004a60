"""Rule 198: a reason for no SDQ score is given for a child not in the OC2 cohort."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="198",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 March but a "
        "reason for no Strengths and Difficulties (SDQ) score has been completed."
    ),
    tables=["OC2", "Episodes"],
    fields=["SDQ_REASON"],
    tags=["outcomes"],
)
def sdq_reason_outside_oc2_cohort(ctx: RuleContext) -> pl.LazyFrame:
    """An OC2 record with a reason for no SDQ score belongs to a child looked after
    continuously for 12 months at 31 March (the OC2 cohort, read from the episodes)."""
    cohort = oc2_cohort(ctx)
    with_reason = ctx.table("OC2").filter(pl.col("SDQ_REASON").is_not_null())
    return with_reason.join(cohort, on="CHILD", how="anti")


CASES = [
    Case(
        "a reason for a child who left care on 31 March is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/04/2023", "S", "C2", "", ""],
                ["2", "01/01/2022", "S", "C2", "31/03/2024", "E8"],
                ["3", "01/01/2022", "S", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "SDQ_REASON"],
                ["1", "SDQ1"],
                ["2", "SDQ2"],
                ["3", ""],
                ["4", "SDQ4"],
                ["4", ""],
            ),
        },
        flagged={"OC2": [1, 3]},
        period="2023-24",
    ),
]
