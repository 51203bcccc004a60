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
    """HEALTH_CHECK is blank for an OC2 child aged 5 or over on 31 March in the OC2 cohort.

    Why: development checks are collected for under-fives only. DfE's coding, as the peer
    quotes it, limits the check to children looked after continuously for the 12 months to
    31 March (short breaks do not count), worked out from Episodes. A child whose 5th
    birthday is 31 March is 5. Age is taken from the OC2 DOB; a blank or unreadable DOB
    cannot be checked.
    """
    cohort = oc2_cohort(ctx)
    aged_5 = age_on(pl.col("DOB"), ctx.end) >= 5
    outcomes = ctx.table("OC2").join(cohort, on="CHILD", how="semi")
    return outcomes.filter(aged_5 & pl.col("HEALTH_CHECK").is_not_null())


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
]
