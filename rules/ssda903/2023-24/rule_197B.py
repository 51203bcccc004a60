"""Rule 197B: a child turning 4 or 17 in the year, in the OC2 cohort, has no SDQ entry."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, birthday, raw_name, rule, table


@rule(
    code="197B",
    message="SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
    tables=["OC2", "Episodes"],
    fields=["SDQ_REASON", "DOB"],
    tags=["outcomes"],
)
def sdq_missing_for_child_turning_4_or_17(ctx: RuleContext) -> pl.LazyFrame:
    """No SDQ score or reason is given for a child in care all year who turns 4 or 17 in it.

    A child whose 4th or 17th birthday falls between 1 April and 31 March is outside the SDQ
    age range for part of the year, but DfE still expects a score or a reason for having none:
    give the score, or the reason (SDQ_REASON). The age is taken from the OC2 date of birth.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # These children fall outside rule 186's range. A blank or unreadable DOB is not flagged.
    cohort = oc2_cohort(ctx)
    dob = pl.col("DOB")
    turns_4 = birthday(dob, 4).is_between(ctx.start, ctx.end)
    turns_17 = birthday(dob, 17).is_between(ctx.start, ctx.end)
    neither = pl.col(raw_name("SDQ_SCORE")).is_null() & pl.col("SDQ_REASON").is_null()
    return (
        # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): a 4th and a 17th birthday are 13
        # years apart, never in one year, and both are null together (blank or unreadable DOB).
        ctx.table("OC2").filter((turns_4 | turns_17) & neither).join(cohort, on="CHILD", how="semi")
    )


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
        "children turning 4 or 17 on the first or last day of the year are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS"],
                ["1", "01/01/2020", "S", "C2"],
                ["2", "01/01/2020", "S", "C2"],
                ["3", "01/01/2020", "S", "C2"],
                ["4", "01/01/2020", "S", "C2"],
                ["5", "01/01/2020", "S", "C2"],
                ["6", "01/01/2020", "S", "C2"],
                ["7", "01/01/2020", "S", "C2"],
                ["8", "01/06/2023", "S", "C2"],
                ["9", "01/01/2020", "S", "C2"],
            ),
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "01/04/2019", "", ""],
                ["2", "31/03/2020", "", ""],
                ["3", "01/04/2020", "", ""],
                ["4", "31/03/2006", "", ""],
                ["5", "01/04/2006", "", ""],
                ["6", "31/03/2007", "", ""],
                ["7", "15/10/2019", "", "SDQ1"],
                ["8", "15/10/2019", "", ""],
                ["9", "", "", ""],
            ),
        },
        flagged={"OC2": [0, 1, 4, 5]},
        period="2023-24",
    ),
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "01/06/2020", "", ""],
                ["2", "01/06/2020", "", ""],
                ["3", "01/06/2020", "", ""],
                ["4", "01/06/2020", "", ""],
                ["5", "01/06/2020", "", ""],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2024-25",
    ),
]
