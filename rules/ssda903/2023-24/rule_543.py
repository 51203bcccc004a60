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
    """CONVICTED is given for an OC2 child aged 10 or over on 31 March in the OC2 cohort.

    Why: the OC2 cohort is the children looked after continuously for the 12 months to
    31 March (short breaks do not count), worked out from Episodes. A child whose 10th
    birthday is 31 March is 10; the peer leaves that day out, DfE's "10 or over" includes it.
    Age is taken from the OC2 DOB; a blank or unreadable DOB cannot be checked.
    """
    cohort = oc2_cohort(ctx)
    aged_10 = age_on(pl.col("DOB"), ctx.end) >= 10
    outcomes = ctx.table("OC2").join(cohort, on="CHILD", how="semi")
    return outcomes.filter(aged_10 & pl.col("CONVICTED").is_null())


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
]
