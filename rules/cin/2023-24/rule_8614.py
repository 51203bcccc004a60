"""Rule 8614: an assessment not yet completed has factors recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT
from csc_validate.collections.cin.rulekit.assessments import FACTOR, open_assessment
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="8614",
    message=(
        "Parental or child factors at assessment should only be present for a completed assessment."
    ),
    tables=["Assessments"],
    fields=["AssessmentAuthorisationDate"],
    tags=["assessments", "factors"],
)
def factors_on_open_assessment(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment with no authorisation date that has parental or child factors recorded.

    Factors are recorded once an assessment is completed. Record the authorisation date if the
    assessment was completed; otherwise remove its factors.
    """
    # DfE: if AssessmentAuthorisationDate is missing, AssessmentFactors within the same module
    # must be missing too. The assessment row is shown, once however many factors it has: the
    # fault is the assessment's (open yet carrying factors), and the fix is either of its dates
    # or its factors. A factor row with a blank code holds no factor; an unreadable
    # authorisation date is still a completion date (see rulekit.assessments).
    # The assessment names each of its factor rows, the ones to remove if it is still open.
    factors = (
        ctx.table("AssessmentFactorsList")
        .filter(pl.col(FACTOR).is_not_null())
        .select(
            *ASSESSMENT,
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("AssessmentFactorsList").alias(RELATED_TABLE),
        )
    )
    return (
        ctx.table("Assessments").filter(open_assessment()).join(factors, on=ASSESSMENT, how="inner")
    )


CASES = [
    Case(
        "an open assessment with factors is flagged once, a completed one is not",
        tables={
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"],
                ["A", "1", "1", ""],
                ["A", "1", "2", "2024-06-01"],
                ["A", "2", "1", ""],
                ["B", "1", "1", "2024-02-30"],
                ["B", "1", "2", ""],
                ["C", "1", "1", ""],
            ),
            "AssessmentFactorsList": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
                ["A", "1", "1", "1A"],
                ["A", "1", "1", "2B"],
                ["A", "1", "2", "3C"],
                ["B", "1", "1", "21"],
                ["B", "1", "2", ""],
                ["C", "2", "1", "1A"],
                ["D", "1", "1", "1A"],
            ),
        },
        flagged={"Assessments": [0]},
        # The open assessment names each of its factor rows.
        related=(
            ("Assessments", 0, "AssessmentFactorsList", 0),
            ("Assessments", 0, "AssessmentFactorsList", 1),
        ),
    ),
    Case(
        "factors are matched to their own assessment, episode and child",
        tables={
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"],
                ["A", "1", "1", "2024-06-01"],
                ["A", "1", "2", ""],
                ["A", "2", "1", ""],
                ["B", "1", "2", ""],
            ),
            "AssessmentFactorsList": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
                ["A", "1", "1", "1A"],
                ["A", "2", "1", "xyz"],
                ["B", "1", "1", "1A"],
            ),
        },
        flagged={"Assessments": [2]},
        # Only the assessment's own factor is named, not another's.
        related=(("Assessments", 2, "AssessmentFactorsList", 1),),
    ),
    Case(
        "an open assessment with a blank id is not matched to factors with a blank id",
        tables={
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"],
                ["A", "1", "", ""],
            ),
            "AssessmentFactorsList": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"],
                ["A", "1", "", "1A"],
            ),
        },
        flagged={},
    ),
]
