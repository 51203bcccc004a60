"""Rule 186: a child of SDQ age in the OC2 cohort has neither a score nor a reason."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, birthday, raw_name, rule, table


@rule(
    code="186",
    message=(
        "Children aged 4 or over at the start of the year and children aged under 17 at the end "
        "of the year and who have been looked after for at least 12 months continuously should "
        "have a Strengths and Difficulties (SDQ) score completed."
    ),
    tables=["OC2", "Episodes"],
    fields=["SDQ_SCORE"],
    tags=["outcomes"],
)
def sdq_score_missing_in_age_range(ctx: RuleContext) -> pl.LazyFrame:
    """A child of the OC2 cohort who is 4 or over on 1 April and under 17 on 31 March has an
    SDQ score, or a reason for having none.

    Why: DfE's coding reads the score as due unless a reason (SDQ_REASON) explains its
    absence; a reason without a score is therefore not flagged here. Ages come from OC2's DOB.
    A blank DOB gives no age and is not flagged.
    """
    cohort = oc2_cohort(ctx)
    dob = pl.col("DOB")
    in_age_range = (birthday(dob, 4) <= ctx.start) & (birthday(dob, 17) > ctx.end)
    neither = pl.col(raw_name("SDQ_SCORE")).is_null() & pl.col("SDQ_REASON").is_null()
    return ctx.table("OC2").filter(in_age_range & neither).join(cohort, on="CHILD", how="semi")


EPISODES = table(
    ["CHILD", "DECOM", "RNE", "LS"],
    ["1", "01/01/2020", "S", "C2"],
    ["2", "01/01/2020", "S", "C2"],
    ["3", "01/01/2020", "S", "C2"],
    ["4", "01/01/2020", "S", "C2"],
    ["5", "01/01/2020", "S", "C2"],
    ["6", "01/01/2020", "S", "C2"],
    ["7", "01/01/2020", "S", "C2"],
)

CASES = [
    Case(
        "no score and no reason at the edges of the age range",
        tables={
            "Episodes": EPISODES,
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "01/04/2019", "", ""],
                ["2", "02/04/2019", "", ""],
                ["3", "01/04/2007", "", ""],
                ["4", "31/03/2007", "", ""],
                ["5", "01/04/2010", "15", ""],
                ["6", "01/04/2010", "", "SDQ2"],
                ["7", "", "", ""],
                ["8", "01/04/2010", "", ""],
            ),
        },
        flagged={"OC2": [0, 2]},
        period="2023-24",
    ),
]
