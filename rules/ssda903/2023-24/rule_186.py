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
    """No SDQ score or reason is given for a child aged 4 to 16 in care all year.

    A child who was 4 or over on 1 April and under 17 on 31 March needs an SDQ score, or a
    reason (SDQ_REASON) for having none. The age is taken from the OC2 date of birth.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # DfE's coding reads the score as due unless a reason explains its absence, so a reason
    # without a score is not flagged. A blank or unreadable DOB gives no age and is not flagged.
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
    ["9", "01/01/2020", "S", "C2"],
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
                ["9", "01/04/2006", "", ""],
            ),
        },
        flagged={"OC2": [0, 2]},
        period="2023-24",
    ),
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "01/01/2014", "", ""],
                ["2", "01/01/2014", "", ""],
                ["3", "01/01/2014", "", ""],
                ["4", "01/01/2014", "", ""],
                ["5", "01/01/2014", "", ""],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3]},
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
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "01/01/2014", "", ""],
                ["2", "01/01/2014", "", ""],
                ["3", "01/01/2014", "", ""],
            ),
        },
        flagged={"OC2": [0]},
        period="2024-25",
    ),
]
