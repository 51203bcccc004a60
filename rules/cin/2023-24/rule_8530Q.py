"""Rule 8530Q: an expected date of birth outside March to December of the census year's end."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

DAYS_BEFORE_REFERENCE = 30
MONTHS_AFTER_REFERENCE = "9mo"


@rule(
    code="8530Q",
    message=(
        "Please check and either amend data or provide a reason: Expected Date of Birth is "
        "outside the expected range for this census (March to December of the Census Year end)"
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["ExpectedPersonBirthDate"],
    tags=["dates", "identifiers"],
)
def expected_birth_out_of_range(ctx: RuleContext) -> pl.LazyFrame:
    """An expected date of birth outside 1 March to 31 December of the year the census ends.

    An expected date before March means the child has probably been born: record the date of birth
    instead. One after December is more than nine months away: check the date.
    """
    # DfE: between the reference date minus 30 days and the reference date plus 9 months, both
    # included. NOTE: the peer flags those two days themselves; the message ("March to
    # December") includes them.
    reference = pl.lit(ctx.end, dtype=pl.Date)
    earliest = pl.lit(ctx.end - dt.timedelta(days=DAYS_BEFORE_REFERENCE), dtype=pl.Date)
    latest = reference.dt.offset_by(MONTHS_AFTER_REFERENCE)
    # A blank or unreadable expected date is null, so not flagged (8525Q, CSC001).
    expected = pl.col("ExpectedPersonBirthDate")
    return ctx.table("ChildIdentifiers").filter(~expected.is_between(earliest, latest))


CASES = [
    Case(
        "1 March to 31 December of the census end year are in range",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "ExpectedPersonBirthDate"],
                ["A", "2025-02-28"],
                ["B", "2025-03-01"],
                ["C", "2025-03-31"],
                ["D", "2025-12-31"],
                ["E", "2026-01-01"],
                ["F", ""],
                ["G", "2025-02-30"],
                ["H", "2024-11-15"],
            )
        },
        flagged={"ChildIdentifiers": [0, 4, 7]},
        period="2024-25",
    ),
    Case(
        "in a leap year the range still starts on 1 March",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "ExpectedPersonBirthDate"],
                ["A", "2024-02-29"],
                ["B", "2024-03-01"],
                ["C", "2024-12-31"],
                ["D", "2025-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [0, 3]},
        period="2023-24",
    ),
]
