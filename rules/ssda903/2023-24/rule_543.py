"""Rule 543: conviction information missing for a child of 10 or over in care all year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="543",
    message=(
        "Child is aged 10 or over at 31 March and has been looked after continuously for 12 "
        "months yet conviction information has not been completed."
    ),
    tables=["OC2", "Episodes"],
    fields=["DOB", "CONVICTED"],
    tags=["outcomes"],
)
def conviction_missing_for_child_10_or_over(ctx: RuleContext) -> pl.LazyFrame:
    """Conviction information is blank for a child aged 10 or over in care all year.

    Record whether the child was convicted during the year (CONVICTED) for a child aged 10 or over
    on 31 March (a 10th birthday on that day counts) who has been looked after continuously for the
    12 months to 31 March.
    """
    # The age is taken from the OC2 date of birth. In care all year means looked after continuously
    # for the 12 months to 31 March (the OC2 cohort): looked after on 1 April, with no new period of
    # care (RNE S) and no episode ending with a reason other than X1 during the year, and no short
    # breaks (V3/V4).
    # The peer leaves out a 10th birthday on 31 March; DfE's "10 or over" includes it. A blank
    # or unreadable DOB cannot be checked.
    cohort = oc2_cohort(ctx)
    aged_10 = age_on(pl.col("DOB"), ctx.end) >= 10
    outcomes = ctx.table("OC2").join(cohort, on="CHILD", how="semi")
    return outcomes.filter(aged_10 & pl.col("CONVICTED").is_null())


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
        "a blank CONVICTED is flagged from the 10th birthday on 31 March, for the cohort only",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2020", "S", "C2", ""],
                ["2", "01/01/2020", "S", "C2", ""],
                ["3", "01/01/2020", "S", "C2", ""],
                ["4", "01/01/2020", "S", "C2", ""],
                ["5", "01/01/2020", "S", "C2", ""],
                ["6", "02/04/2024", "S", "C2", ""],
                ["7", "01/01/2020", "S", "V3", ""],
            ),
            "OC2": table(
                ["CHILD", "DOB", "CONVICTED"],
                ["1", "31/03/2015", ""],
                ["2", "01/04/2015", ""],
                ["3", "31/03/2010", ""],
                ["4", "31/03/2010", "0"],
                ["5", "", ""],
                ["6", "31/03/2010", ""],
                ["7", "31/03/2010", ""],
            ),
        },
        flagged={"OC2": [0, 2]},
        period="2024-25",
    ),
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "DOB", "CONVICTED"],
                ["1", "01/01/2010", ""],
                ["2", "01/01/2010", ""],
                ["3", "01/01/2010", ""],
                ["4", "01/01/2010", ""],
                ["5", "01/01/2010", ""],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2024-25",
    ),
]
