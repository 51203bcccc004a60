"""Rule 157: SDQ1 (outside the SDQ age range) is given for a child inside it."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, birthday, rule, table


@rule(
    code="157",
    message=(
        "Child is aged 4 years or over at the beginning of the year or 16 years or under at the "
        "end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded "
        "as the reason for no Strengths and Difficulties Questionnaire (SDQ) score."
    ),
    tables=["OC2", "Episodes"],
    fields=["SDQ_REASON", "DOB"],
    tags=["outcomes"],
)
def out_of_age_sdq_reason_in_age_range(ctx: RuleContext) -> pl.LazyFrame:
    """SDQ1 (no score because of age) is given for a child aged 4 to 16 in care all year.

    A child who was 4 or over on 1 April and under 17 on 31 March is of SDQ age, so SDQ1 cannot
    be the reason for having no score: give the score, or the reason that applies. The age is
    taken from the OC2 date of birth.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # NOTE: DfE's "16 years or under at the end of the year" includes a child aged 16 on 31 March;
    # the peer stops at the 16th birthday (DOB + 16 years >= 31 March).
    # DfE's message joins the two ages with "or", but SDQ1 is only wrong inside the age range,
    # so both must hold (as in rule 186). Only the OC2 cohort is tested, as in the peer; SDQ
    # data outside it is rule 198's. A blank or unreadable DOB gives no age and is not flagged.
    cohort = oc2_cohort(ctx)
    dob = pl.col("DOB")
    in_age_range = (birthday(dob, 4) <= ctx.start) & (birthday(dob, 17) > ctx.end)
    out_of_age = pl.col("SDQ_REASON").is_in(ctx.codes("SDQ_REASON_AGE"))
    return ctx.table("OC2").filter(in_age_range & out_of_age).join(cohort, on="CHILD", how="semi")


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
        "SDQ1 for a child inside the age range is flagged, at its edges too",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS"],
                ["1", "01/01/2020", "S", "C2"],
                ["2", "01/01/2020", "S", "C2"],
                ["3", "01/01/2020", "S", "C2"],
                ["4", "01/01/2020", "S", "C2"],
                ["5", "01/01/2020", "S", "C2"],
                ["6", "01/01/2020", "S", "C2"],
                ["7", "01/06/2023", "S", "C2"],
                ["8", "01/01/2020", "S", "C2"],
            ),
            "OC2": table(
                ["CHILD", "DOB", "SDQ_REASON"],
                ["1", "01/04/2019", "SDQ1"],
                ["2", "02/04/2019", "SDQ1"],
                ["3", "01/04/2007", "SDQ1"],
                ["4", "31/03/2007", "SDQ1"],
                ["5", "01/04/2012", "SDQ2"],
                ["6", "", "SDQ1"],
                ["7", "01/04/2012", "SDQ1"],
                ["8", "01/04/2006", "SDQ1"],
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
                ["CHILD", "DOB", "SDQ_REASON"],
                ["1", "01/01/2014", "SDQ1"],
                ["2", "01/01/2014", "SDQ1"],
                ["3", "01/01/2014", "SDQ1"],
                ["4", "01/01/2014", "SDQ1"],
                ["5", "01/01/2014", "SDQ1"],
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
                ["CHILD", "DOB", "SDQ_REASON"],
                ["1", "01/01/2014", "SDQ1"],
                ["2", "01/01/2014", "SDQ1"],
                ["3", "01/01/2014", "SDQ1"],
            ),
        },
        flagged={"OC2": [0]},
        period="2024-25",
    ),
]
