"""Rule 8535Q: a date of death before the date of birth."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8535Q",
    message=(
        "Please check and either amend data or provide a reason: Child’s date of death should "
        "not be prior to the date of birth"
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["PersonDeathDate", "PersonBirthDate"],
    tags=["dates", "identifiers"],
)
def death_before_birth(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose date of death is earlier than their date of birth.

    Check both dates; a child who died on the day they were born has the same date for both.
    """
    # NOTE: the peer also flags a date of death with no date of birth; the message compares the
    # two dates, so a row missing either (blank or unreadable) is left alone here.
    return ctx.table("ChildIdentifiers").filter(
        pl.col("PersonDeathDate") < pl.col("PersonBirthDate")
    )


CASES = [
    Case(
        "death the day before birth is flagged; the same day and later are not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2024-06-10", "2024-06-09"],
                ["B", "2024-06-10", "2024-06-10"],
                ["C", "2024-06-10", "2024-06-11"],
                ["D", "2024-06-10", ""],
                ["E", "", "2024-06-09"],
                ["F", "2024-06-31", "2024-06-09"],
                ["G", "2024-06-10", "2024-02-30"],
                ["H", "2010-01-01", "2009-12-31"],
            )
        },
        flagged={"ChildIdentifiers": [0, 7]},
    ),
    Case(
        "an unborn child with a date of death is not compared",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate"],
                ["A", "", "2024-08-01", "2024-07-01"],
                ["B", "2024-08-01", "", "2024-07-01"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
]
