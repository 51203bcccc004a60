"""Rule 546: health promotion information given for a child of 5 or over."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="546",
    message=(
        "Children aged 5 or over at 31 March should not have health promotion information "
        "completed."
    ),
    tables=["OC2", "Episodes"],
    fields=["DOB", "HEALTH_CHECK"],
    tags=["outcomes"],
)
def health_check_given_for_child_5_or_over(ctx: RuleContext) -> pl.LazyFrame:
    """Health promotion information is given for a child aged 5 or over in care all year.

    Development checks (HEALTH_CHECK) are collected for under-fives only: check the child's date of
    birth (DOB), and leave the field blank for a child who is 5 or over on 31 March (a 5th birthday
    on that day counts).
    """
    # The age is taken from the OC2 date of birth. In care all year means looked after continuously
    # for the 12 months to 31 March (the OC2 cohort): looked after on 1 April, with no new period of
    # care (RNE S) and no episode ending with a reason other than X1 during the year, and no short
    # breaks (V3/V4).
    # DfE's coding, as the peer quotes it, limits the check to the OC2 cohort. A blank or
    # unreadable DOB cannot be checked.
    cohort = oc2_cohort(ctx)
    aged_5 = age_on(pl.col("DOB"), ctx.end) >= 5
    outcomes = ctx.table("OC2").join(cohort, on="CHILD", how="semi")
    return outcomes.filter(aged_5 & pl.col("HEALTH_CHECK").is_not_null())


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
        "HEALTH_CHECK is flagged from the 5th birthday on 31 March, for the cohort only",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2021", "S", "C2", ""],
                ["2", "01/01/2021", "S", "C2", ""],
                ["3", "01/01/2021", "S", "C2", ""],
                ["4", "01/01/2021", "S", "C2", ""],
                ["5", "02/04/2024", "S", "C2", ""],
                ["6", "01/01/2021", "S", "C2", ""],
            ),
            "OC2": table(
                ["CHILD", "DOB", "HEALTH_CHECK"],
                ["1", "31/03/2020", "0"],
                ["2", "01/04/2020", "1"],
                ["3", "31/03/2020", ""],
                ["4", "", "1"],
                ["5", "31/03/2020", "1"],
                ["6", "01/01/2010", "1"],
            ),
        },
        flagged={"OC2": [0, 5]},
        period="2024-25",
    ),
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "DOB", "HEALTH_CHECK"],
                ["1", "01/01/2015", "1"],
                ["2", "01/01/2015", "1"],
                ["3", "01/01/2015", "1"],
                ["4", "01/01/2015", "1"],
                ["5", "01/01/2015", "1"],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2024-25",
    ),
]
