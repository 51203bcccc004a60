"""Rule 8696: an assessment's end (authorisation) date is outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.collections.cin.rulekit.assessments import AUTHORISED
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8696",
    message="Assessment end date must fall within the census year",
    tables=["Assessments"],
    fields=["AssessmentAuthorisationDate"],
    tags=["dates", "assessments"],
)
def assessment_end_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """An assessment authorised (completed) before 1 April or after 31 March of the census year.

    Check the authorisation date. An assessment completed before the census year should not be
    in the return; one not yet completed has no authorisation date.
    """
    # DfE: if present, AssessmentAuthorisationDate must be on or between the start of the
    # census year and the reference date. Blank or unreadable gives null, which the filter drops.
    return ctx.table("Assessments").filter(~in_census_year(AUTHORISED, ctx))


_COLUMNS = ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"]

CASES = [
    Case(
        "end dates either side of the census year are flagged, its first and last days not",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2024-03-31"],
                ["A", "1", "2", "2024-04-01"],
                ["A", "1", "3", "2025-03-31"],
                ["A", "1", "4", "2025-04-01"],
                ["B", "1", "1", ""],
                ["B", "1", "2", "2025-02-30"],
                ["B", "2", "1", "2024-10-15"],
            )
        },
        flagged={"Assessments": [0, 3]},
        period="2024-25",
    ),
    Case(
        "the census year follows the return's reference date",
        tables={
            "Assessments": table(
                _COLUMNS,
                ["A", "1", "1", "2023-03-31"],
                ["A", "1", "2", "2023-04-01"],
                ["A", "2", "1", "2024-03-31"],
                ["A", "2", "2", "2024-04-01"],
            )
        },
        flagged={"Assessments": [0, 3]},
        period="2023-24",
    ),
]
