"""Rule 8736: an assessment not yet completed started outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.collections.cin.rulekit.assessments import STARTED, open_assessment
from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="8736",
    message=(
        "For an Assessment that has not been completed, the start date must fall within the "
        "census year"
    ),
    tables=["Assessments"],
    fields=["AssessmentAuthorisationDate", "AssessmentActualStartDate"],
    tags=["dates", "assessments"],
)
def open_assessment_starts_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """An open assessment whose start date is blank or outside the census year.

    The assessment has no authorisation date, and its start date is missing or falls before 1
    April or after 31 March. An assessment still open at the end of the census year must have
    started in it. Check the start date, and record the authorisation date if the assessment was
    in fact completed.
    """
    # DfE: if an Assessments group has no AssessmentAuthorisationDate, its
    # AssessmentActualStartDate must be on or between the start of the census year and the
    # reference date. A blank start date is not in the census year either, and no other rule
    # reports it; an unreadable one is CSC001's. An unreadable authorisation date is still a
    # completion date (see rulekit.assessments).
    outside = ~in_census_year(STARTED, ctx).fill_null(False) & ~unreadable(STARTED)
    return ctx.table("Assessments").filter(open_assessment() & outside)


_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "AssessmentID",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
]

CASES = [
    Case(
        "open assessments started either side of the census year are flagged",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2024-03-31", ""],
                ["A", "1", "2", "2024-04-01", ""],
                ["A", "1", "3", "2025-03-31", ""],
                ["A", "1", "4", "2025-04-01", ""],
                ["B", "1", "1", "", ""],
                ["B", "1", "2", "2024-02-30", ""],
                ["B", "2", "1", "2024-10-15", ""],
            )
        },
        flagged={"Assessments": [0, 3, 4]},
        period="2024-25",
    ),
    Case(
        "a completed assessment may have started before the census year",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2024-03-31", "2024-04-20"],
                ["A", "1", "2", "2023-03-01", "2024-03-31"],
                ["A", "2", "1", "2024-01-10", "2024-13-01"],
                ["B", "1", "1", "", "2024-05-01"],
                ["B", "1", "2", "2024-01-10", " "],
            )
        },
        flagged={"Assessments": [4]},
        period="2024-25",
    ),
]
