"""Rule 8873Q: an episode closed after one assessment that found no factors is not RC8 or RC9."""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT, EPISODE
from csc_validate.collections.cin.rulekit.assessments import (
    assessments_with_factors,
    open_assessment,
)
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)


@rule(
    code="8873Q",
    message=(
        "Please check and either amend data or provide a reason: When there is only one "
        "assessment on the episode and the factors code “21 No factors identified” has been used "
        "for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used."
    ),
    severity="query",
    tables=["CINdetails"],
    fields=["ReasonForClosure"],
    tags=["assessments", "factors", "episodes", "codes"],
)
def no_factors_episode_not_closed_after_assessment(ctx: RuleContext) -> pl.LazyFrame:
    """A closed episode whose only assessment found no factors (code 21) is not closed RC8 or RC9.

    The episode has a closure date or reason, and a single assessment, completed, with factor
    code 21 (no factors identified). An episode that ends after a single assessment found
    nothing is usually closed after assessment: RC8 (no further action) or RC9 (referred to
    early help). Correct the reason for closure, or the assessment's factors, or give the reason
    neither applies.
    """
    # DfE: within a CINdetails group, if there is only one Assessments group and its
    # AssessmentFactors include "21", ReasonForClosure should be RC8 or RC9; the message limits
    # this to a completed assessment. The episode row is shown, as the reason for closure is
    # the item DfE names. An unreadable authorisation date still completes the assessment.
    # NOTE: the peer also queries episodes still open (no closure date, no reason), whose blank
    # reason for closure is right (8810 rejects a reason without a closure date); an episode
    # counts as closed here when it has a closure date (even an unreadable one) or a reason.
    assessments = ctx.table("Assessments")
    no_factors = assessments_with_factors(ctx, ctx.codes("FACTOR_NONE"))
    single = (
        # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE): each assessment counts in its own
        # episode, so the count is never below 1 and "at most 1" is "exactly 1".
        assessments.filter((pl.len().over(EPISODE) == 1) & ~open_assessment())
        .join(no_factors, on=ASSESSMENT, how="semi")
        # The episode names its one assessment, the one that found no factors.
        .select(
            *EPISODE, pl.col("_row").alias(RELATED_ROW), pl.lit("Assessments").alias(RELATED_TABLE)
        )
    )
    reason = pl.col("ReasonForClosure")
    closed = pl.col(raw_name("CINclosureDate")).is_not_null() | reason.is_not_null()
    after_assessment = reason.is_in(ctx.codes("REASON_CLOSED_AFTER_ASSESSMENT")).fill_null(False)
    return (
        ctx.table("CINdetails")
        .filter(closed & ~after_assessment)
        .join(single, on=EPISODE, how="inner")
    )


_EPISODE_COLUMNS = ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"]
_ASSESSMENT_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"]
_FACTOR_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors"]

CASES = [
    Case(
        "a closed episode whose one assessment found no factors needs RC8 or RC9",
        tables={
            "CINdetails": table(
                _EPISODE_COLUMNS,
                ["A", "1", "2024-07-01", "RC1"],
                ["B", "1", "2024-07-01", "RC8"],
                ["C", "1", "2024-07-01", "rc9"],
                ["D", "1", "2024-07-01", ""],
                ["E", "1", "2024-07-32", "RC4"],
                ["F", "1", "", ""],
                ["G", "1", "", "RC3"],
            ),
            "Assessments": table(
                _ASSESSMENT_COLUMNS,
                ["A", "1", "1", "2024-06-01"],
                ["B", "1", "1", "2024-06-01"],
                ["C", "1", "1", "2024-06-01"],
                ["D", "1", "1", "2024-06-01"],
                ["E", "1", "1", "2024-06-01"],
                ["F", "1", "1", "2024-06-01"],
                ["G", "1", "1", "2024-06-01"],
            ),
            "AssessmentFactorsList": table(
                _FACTOR_COLUMNS,
                ["A", "1", "1", "21"],
                ["B", "1", "1", "21"],
                ["C", "1", "1", "21"],
                ["D", "1", "1", "21"],
                ["E", "1", "1", "21"],
                ["F", "1", "1", "21"],
                ["G", "1", "1", "21"],
            ),
        },
        flagged={"CINdetails": [0, 2, 3, 4, 6]},
    ),
    Case(
        "two assessments, an open one or no code 21 are not queried; 21 beside others is",
        tables={
            "CINdetails": table(
                _EPISODE_COLUMNS,
                ["A", "1", "2024-07-01", "RC1"],
                ["A", "2", "2024-09-01", "RC1"],
                ["B", "1", "2024-07-01", "RC1"],
                ["C", "1", "2024-07-01", "RC1"],
                ["D", "1", "2024-07-01", "RC1"],
                ["D", "2", "2024-09-01", "RC1"],
                ["E", "1", "2024-07-01", "RC1"],
            ),
            "Assessments": table(
                _ASSESSMENT_COLUMNS,
                ["A", "1", "1", "2024-06-01"],
                ["A", "1", "2", "2024-06-20"],
                ["A", "2", "1", "2024-08-01"],
                ["B", "1", "1", ""],
                ["C", "1", "1", "2024-06-01"],
                ["D", "2", "1", "2024-08-01"],
                ["E", "1", "1", "2024-06-31"],
            ),
            "AssessmentFactorsList": table(
                _FACTOR_COLUMNS,
                ["A", "1", "1", "21"],
                ["A", "1", "2", "21"],
                ["A", "2", "1", "21"],
                ["B", "1", "1", "21"],
                ["C", "1", "1", "1A"],
                ["D", "1", "1", "21"],
                ["E", "1", "1", "21"],
                ["E", "1", "1", "2B"],
            ),
        },
        flagged={"CINdetails": [1, 6]},
        # The episode names its one assessment.
        related=(
            ("CINdetails", 1, "Assessments", 2),
            ("CINdetails", 6, "Assessments", 6),
        ),
    ),
]
