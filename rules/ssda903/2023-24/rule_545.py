"""Rule 545: health promotion information missing for a child under 5 in care all year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="545",
    message=(
        "Child is aged under 5 at 31 March and has been looked after continuously for 12 months "
        "yet health promotion information has not been completed."
    ),
    tables=["OC2", "Episodes"],
    fields=["DOB", "HEALTH_CHECK"],
    tags=["outcomes"],
)
def health_check_missing_for_child_under_5(ctx: RuleContext) -> pl.LazyFrame:
    """Health promotion information is blank for a child under 5 in care all year.

    Record whether the child's development checks are up to date (HEALTH_CHECK) for a child under 5
    on 31 March who has been looked after continuously for the 12 months to 31 March.
    """
    # A 5th birthday on 31 March makes the child 5. The age is taken from the OC2 date of birth. In
    # care all year means looked after continuously for the 12 months to 31 March (the OC2 cohort):
    # looked after on 1 April, with no new period of care (RNE S) and no episode ending with a
    # reason other than X1 during the year, and no short breaks (V3/V4).
    # The catalogue lists only OC2; Episodes is declared because the cohort is read from it.
    # A blank or unreadable DOB cannot be checked.
    cohort = oc2_cohort(ctx)
    under_5 = age_on(pl.col("DOB"), ctx.end) < 5
    outcomes = ctx.table("OC2").join(cohort, on="CHILD", how="semi")
    return outcomes.filter(under_5 & pl.col("HEALTH_CHECK").is_null())


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
        "a blank HEALTH_CHECK is flagged before the 5th birthday, for the cohort only",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2021", "S", "C2", ""],
                ["2", "01/01/2021", "S", "C2", ""],
                ["3", "01/01/2021", "S", "C2", ""],
                ["4", "01/01/2021", "S", "C2", ""],
                ["5", "02/04/2024", "S", "C2", ""],
                ["6", "01/01/2021", "S", "V4", ""],
                ["7", "01/01/2021", "S", "C2", ""],
            ),
            "OC2": table(
                ["CHILD", "DOB", "HEALTH_CHECK"],
                ["1", "01/04/2020", ""],
                ["2", "31/03/2020", ""],
                ["3", "01/04/2020", "1"],
                ["4", "", ""],
                ["5", "01/04/2020", ""],
                ["6", "01/04/2020", ""],
                ["7", "31/03/2019", ""],
            ),
        },
        flagged={"OC2": [0]},
        period="2024-25",
    ),
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "DOB", "HEALTH_CHECK"],
                ["1", "01/01/2021", ""],
                ["2", "01/01/2021", ""],
                ["3", "01/01/2021", ""],
                ["4", "01/01/2021", ""],
                ["5", "01/01/2021", ""],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2024-25",
    ),
]
