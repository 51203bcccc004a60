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
    """HEALTH_CHECK is given for an OC2 child under 5 on 31 March in the OC2 cohort.

    Why: development checks (health promotion) are collected for the under-fives looked
    after continuously for the 12 months to 31 March (short breaks do not count), worked out
    from Episodes. A child whose 5th birthday is 31 March is 5 and not checked. Age is taken
    from the OC2 DOB; a blank or unreadable DOB cannot be checked. The catalogue lists only
    OC2; Episodes is declared because the cohort is read from it.
    """
    cohort = oc2_cohort(ctx)
    under_5 = age_on(pl.col("DOB"), ctx.end) < 5
    outcomes = ctx.table("OC2").join(cohort, on="CHILD", how="semi")
    return outcomes.filter(under_5 & pl.col("HEALTH_CHECK").is_null())


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
            ),
            "OC2": table(
                ["CHILD", "DOB", "HEALTH_CHECK"],
                ["1", "01/04/2020", ""],
                ["2", "31/03/2020", ""],
                ["3", "01/04/2020", "1"],
                ["4", "", ""],
                ["5", "01/04/2020", ""],
                ["6", "01/04/2020", ""],
            ),
        },
        flagged={"OC2": [0]},
        period="2024-25",
    ),
]
