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
    """A child of the OC2 cohort aged 4 or over on 1 April and 16 or under on 31 March does
    not give SDQ1 (no SDQ because of the child's age) as the reason for no SDQ score.

    Why: DfE's message joins the two ages with "or", but SDQ1 is only wrong for a child inside
    the age range, so both must hold (as in rule 186's "4 or over at the start ... under 17 at
    the end"). Like the peer validator we test only children of the OC2 cohort (others are
    flagged by rule 198). Ages come from OC2's DOB; a blank DOB is not flagged.
    """
    cohort = oc2_cohort(ctx)
    dob = pl.col("DOB")
    in_age_range = (birthday(dob, 4) <= ctx.start) & (birthday(dob, 17) > ctx.end)
    out_of_age = pl.col("SDQ_REASON").is_in(ctx.codes("SDQ_REASON_AGE"))
    return ctx.table("OC2").filter(in_age_range & out_of_age).join(cohort, on="CHILD", how="semi")


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
            ),
        },
        flagged={"OC2": [0, 2]},
        period="2023-24",
    ),
]
