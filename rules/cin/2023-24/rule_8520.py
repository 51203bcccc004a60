"""Rule 8520: a date of birth after the census reference date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8520",
    message=(
        "Date of Birth is after data collection period (must be on or before the end of the "
        "census period)"
    ),
    tables=["ChildIdentifiers"],
    fields=["PersonBirthDate"],
    tags=["dates", "identifiers"],
)
def birth_after_census_end(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose date of birth is after 31 March, the end of the census year.

    A child not yet born at the end of the census year has an expected date of birth instead;
    otherwise correct the date of birth.
    """
    # A blank or unreadable date of birth is null and not flagged (8525Q and CSC001 cover them).
    return ctx.table("ChildIdentifiers").filter(
        pl.col("PersonBirthDate") > pl.lit(ctx.end, dtype=pl.Date)
    )


CASES = [
    Case(
        "born on 31 March is allowed, on 1 April flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A", "2025-03-30"],
                ["B", "2025-03-31"],
                ["C", "2025-04-01"],
                ["D", "2026-01-01"],
                ["E", ""],
                ["F", "2025-04-31"],
                ["G", "01/04/2025"],
                ["H", "2010-06-15"],
            )
        },
        flagged={"ChildIdentifiers": [2, 3, 6]},
        period="2024-25",
    ),
    Case(
        "an unborn child with only an expected date of birth is not flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate"],
                ["A", "", "2024-06-01"],
                ["B", "2024-05-01", ""],
            )
        },
        flagged={"ChildIdentifiers": [1]},
        period="2023-24",
    ),
]
