"""Rule 8608: an assessment is completed before it started."""

import polars as pl

from csc_validate.collections.cin.rulekit.assessments import AUTHORISED, STARTED
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8608",
    message="Assessment Start Date cannot be later than its End Date",
    tables=["Assessments"],
    fields=["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
    tags=["dates", "assessments"],
)
def assessment_ends_before_start(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment whose authorisation (end) date is earlier than its start date.

    Check both dates; an assessment may start and be authorised on the same day.
    """
    # DfE: if present, AssessmentAuthorisationDate must be on or after AssessmentActualStartDate.
    # A blank or unreadable date gives null, which the filter drops.
    return ctx.table("Assessments").filter(pl.col(STARTED) > pl.col(AUTHORISED))


CASES = [
    Case(
        "an end the day before the start is flagged; the same day, later, blank are not",
        tables={
            "Assessments": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate",
                ],
                ["A", "1", "1", "2024-06-10", "2024-06-09"],
                ["A", "1", "2", "2024-06-10", "2024-06-10"],
                ["A", "1", "3", "2024-06-10", "2024-06-11"],
                ["A", "2", "1", "2024-06-10", ""],
                ["B", "1", "1", "2024-06-10", "2024-02-30"],
                ["B", "1", "2", "", "2024-06-10"],
                ["B", "1", "3", "2025-01-01", "2024-12-31"],
            )
        },
        flagged={"Assessments": [0, 6]},
    ),
    Case(
        "each assessment is judged on its own dates, even for a child listed twice",
        tables={
            "Assessments": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "AssessmentID",
                    "AssessmentActualStartDate",
                    "AssessmentAuthorisationDate",
                ],
                ["A", "1", "1", "2024-04-01", "2024-05-01"],
                ["A", "1", "1", "2024-05-02", "2024-05-01"],
                ["A", "2", "1", "2025-03-31", "2025-04-01"],
            )
        },
        flagged={"Assessments": [1]},
    ),
]
