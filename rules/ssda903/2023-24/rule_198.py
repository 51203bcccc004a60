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
    """A reason for no SDQ score is given for a child not in care all year.

    Only children in care all year have SDQ information in the return: remove the reason, or
    check the child's episodes.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # NOTE: the peer leaves out of the cohort a child with an unreadable date or a blank REC, and
    # never checks 1 April; the cohort follows DfE's codes (see continuously_looked_after).
    cohort = oc2_cohort(ctx)
    with_reason = ctx.table("OC2").filter(pl.col("SDQ_REASON").is_not_null())
    return with_reason.join(cohort, on="CHILD", how="anti")


# The OC2 cohort is read from DfE's codes, so slips in the dates keep children 1-4 in it (an
# overlap, a short gap, unreadable dates, an earlier episode left open), while child 5 left care
# (REC E13) although a same-day continuation follows.
COHORT_SLIPS = table(
    ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
    ["1", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["1", "05/06/2024", "P", "C2", "", ""],
    ["2", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["2", "13/06/2024", "P", "C2", "", ""],
    ["3", "01/01/2022", "S", "C2", "31/06/2024", "X1"],
    ["3", "31/06/2024", "P", "C2", "", ""],
    ["4", "01/01/2022", "S", "C2", "", ""],
    ["4", "10/06/2024", "P", "C2", "", ""],
    ["5", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
    ["5", "10/06/2024", "P", "C2", "", ""],
)


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
    Case(
        "slips in episode dates do not put a child who left care into the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "SDQ_REASON"],
                ["1", "SDQ2"],
                ["2", "SDQ2"],
                ["3", "SDQ2"],
                ["4", "SDQ2"],
                ["5", "SDQ2"],
            ),
        },
        flagged={"OC2": [4]},
        period="2024-25",
    ),
    Case(
        "only an end date ends care: a reason ceased with no end date"
        " keeps the child in the cohort, an end date (even unreadable) does not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "", "E13"],
                ["2", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
                ["3", "01/01/2022", "S", "C2", "31/06/2024", "E13"],
            ),
            "OC2": table(
                ["CHILD", "SDQ_REASON"],
                ["1", "SDQ2"],
                ["2", "SDQ2"],
                ["3", "SDQ2"],
            ),
        },
        flagged={"OC2": [1, 2]},
        period="2024-25",
    ),
]
