"""Rule 8545Q: a date of death outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8545Q",
    message=(
        "Please check and either amend data or provide a reason: Child's date of death should "
        "be within the census year"
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["PersonDeathDate"],
    tags=["dates", "identifiers"],
)
def death_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose date of death is before 1 April or after 31 March of the census year.

    A child who died before the census year should not be in the return; a date after it is
    not yet possible. Check the date of death.
    """
    # A blank or unreadable date of death is null, so not flagged (CSC001 reports a bad date).
    return ctx.table("ChildIdentifiers").filter(~in_census_year("PersonDeathDate", ctx))


CASES = [
    Case(
        "deaths on the census year's first and last days are in it; the days outside are not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2010-01-01", "2024-03-31"],
                ["B", "2010-01-01", "2024-04-01"],
                ["C", "2010-01-01", "2025-03-31"],
                ["D", "2010-01-01", "2025-04-01"],
                ["E", "2010-01-01", ""],
                ["F", "2010-01-01", "2024-09-31"],
                ["G", "2010-01-01", "15/10/2024"],
            )
        },
        flagged={"ChildIdentifiers": [0, 3]},
        period="2024-25",
    ),
    Case(
        "a child listed twice is judged on each row",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2010-01-01", "2023-01-01"],
                ["A", "2010-01-01", "2023-06-01"],
            )
        },
        flagged={"ChildIdentifiers": [0]},
        period="2023-24",
    ),
]
