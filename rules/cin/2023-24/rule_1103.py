"""Rule 1103: an assessment starts before its episode's referral date."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_episode
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1103",
    message="The assessment start date cannot be before the referral date",
    tables=["Assessments"],
    fields=["AssessmentActualStartDate"],
    tags=["dates", "assessments"],
)
def assessment_starts_before_referral(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment whose start date is earlier than the referral date of its CIN episode.

    An assessment follows the referral that led to it. Check both dates: the assessment may
    belong to another episode, or one of the dates may be mistyped.
    """
    # DfE: where present, AssessmentActualStartDate must be on or after CINreferralDate. A blank
    # or unreadable date on either side gives null, which the filter drops.
    assessments = with_episode(ctx.table("Assessments"), ctx, ["CINreferralDate"], name_it=True)
    return assessments.filter(pl.col("AssessmentActualStartDate") < pl.col("CINreferralDate"))


CASES = [
    Case(
        "a start the day before the referral is flagged; the same day and later are not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2024-06-10"],
                ["A", "2", "2024-09-01"],
                ["B", "1", ""],
                ["C", "1", "2024-02-30"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", "2024-06-09"],
                ["A", "1", "2", "2024-06-10"],
                ["A", "1", "3", "2024-06-11"],
                ["A", "2", "1", "2024-08-31"],
                ["A", "2", "2", "2024-09-01"],
                ["A", "1", "4", ""],
                ["A", "1", "5", "2024-06-31"],
                ["B", "1", "1", "2020-01-01"],
                ["C", "1", "1", "2020-01-01"],
            ),
        },
        flagged={"Assessments": [0, 3]},
        # The assessment names the episode whose referral it was compared with.
        related=(
            ("Assessments", 0, "CINdetails", 0),
            ("Assessments", 3, "CINdetails", 1),
        ),
    ),
    Case(
        "an assessment is compared with its own episode, not the child's other ones",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate"],
                ["A", "1", "2023-05-01"],
                ["A", "2", "2024-05-01"],
                ["B", "1", "2023-05-01"],
            ),
            "Assessments": table(
                ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                ["A", "1", "1", "2023-06-01"],
                ["A", "2", "1", "2023-06-01"],
                ["B", "2", "1", "2020-01-01"],
            ),
        },
        flagged={"Assessments": [1]},
    ),
]
