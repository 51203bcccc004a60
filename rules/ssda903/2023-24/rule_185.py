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
    """An SDQ score is given for a child not in care continuously for the 12 months to 31 March.

    Only children in care all year have an SDQ score in the return: remove the score, or check
    the child's episodes. A score that is filled in but is not a number still counts as given.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # NOTE: the peer leaves out of the cohort a child with an unreadable date or a blank REC, and
    # never checks 1 April; the cohort follows DfE's codes (see continuously_looked_after).
    cohort = oc2_cohort(ctx)
    scored = ctx.table("OC2").filter(pl.col(raw_name("SDQ_SCORE")).is_not_null())
    return scored.join(cohort, on="CHILD", how="anti")


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
    Case(
        "slips in episode dates do not put a child who left care into the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "SDQ_SCORE"],
                ["1", "12"],
                ["2", "12"],
                ["3", "12"],
                ["4", "12"],
                ["5", "12"],
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
                ["CHILD", "SDQ_SCORE"],
                ["1", "12"],
                ["2", "12"],
                ["3", "12"],
            ),
        },
        flagged={"OC2": [1, 2]},
        period="2024-25",
    ),
]
