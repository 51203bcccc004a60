"""Rule 8670Q: an assessment open at the year's end started more than 45 working days before."""

import polars as pl

from csc_validate.collections.cin.rulekit.assessments import STARTED, open_assessment
from csc_validate.rulekit import Case, RuleContext, rule, table, working_days_before


@rule(
    code="8670Q",
    message=(
        "Please check and either amend data or provide a reason: Assessment started more than "
        "45 working days before the end of the census year. However, there is no Assessment end "
        "date."
    ),
    severity="query",
    tables=["Assessments"],
    fields=["AssessmentActualStartDate"],
    tags=["dates", "assessments", "working-days"],
)
def open_assessment_started_long_ago(ctx: RuleContext) -> pl.LazyFrame:
    """An open assessment that started more than 45 working days before the census year's end.

    The assessment has no authorisation date and started more than 45 working days before 31
    March. Working days are Monday to Friday except England's bank holidays. An assessment
    should be completed within 45 working days: record its authorisation date if it was
    completed, or give the reason it is still open.
    """
    # DfE: if AssessmentAuthorisationDate is not present, AssessmentActualStartDate should not be
    # before the ReferenceDate minus 45 working days. So a start on that day is not queried and
    # one on any earlier day is, a weekend day just before it included. A blank or unreadable
    # start date gives null, which the filter drops; an unreadable authorisation date is still
    # a completion date (see rulekit.assessments).
    # NOTE: the peer steps back 44 working days (its calendar counts the reference date itself),
    # so it also queries a start exactly 45 working days before; DfE says "more than 45".
    earliest = working_days_before(ctx.end, 45)
    return ctx.table("Assessments").filter(open_assessment() & (pl.col(STARTED) < earliest))


_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "AssessmentID",
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
]

CASES = [
    Case(
        # 45 working days before Sunday 31 March 2024 is Friday 26 January, Good Friday (29
        # March) not counted; without the bank holiday it would be Monday 29 January.
        "across Good Friday the 45th working day before the year's end is not queried, the 46th is",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2024-01-25", ""],
                ["A", "1", "2", "2024-01-26", ""],
                ["A", "1", "3", "2024-01-27", ""],
                ["A", "1", "4", "2024-01-29", ""],
                ["B", "1", "1", "2024-01-25", "2024-03-01"],
                ["B", "1", "2", "2023-01-25", "2024-02-30"],
                ["B", "2", "1", "", ""],
                ["B", "2", "2", "2024-01-32", ""],
                ["C", "1", "1", "2023-03-01", ""],
            )
        },
        flagged={"Assessments": [0, 8]},
        period="2023-24",
    ),
    Case(
        # 45 working days before Monday 31 March 2025 is Monday 27 January: no bank holiday
        # falls in between, and the weekend before that Monday is before the boundary.
        "a weekend just before the boundary is queried, the boundary day is not",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2025-01-24", ""],
                ["A", "1", "2", "2025-01-25", ""],
                ["A", "1", "3", "2025-01-26", ""],
                ["A", "1", "4", "2025-01-27", ""],
                ["A", "2", "1", "2025-01-28", ""],
                ["A", "2", "2", "2025-01-24", "2025-03-31"],
            )
        },
        flagged={"Assessments": [0, 1, 2]},
        period="2024-25",
    ),
]
