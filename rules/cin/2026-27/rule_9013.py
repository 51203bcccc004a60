"""Rule 9013: care proceedings letter outside the reporting year or before court application."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import (
    TABLE,
    earlier_than,
    outside_reporting_year,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9013",
    message=(
        "The date on which the letter to initiate care proceedings was sent to parents/guardians "
        "must fall within the reporting year and be on or after the date when the local "
        "authority submitted the court application to commence care proceedings."
    ),
    tables=["PreProceedings"],
    fields=["LetterInitCPDate", "CourtAppDate"],
    tags=["pre-proceedings", "dates", "letters", "court"],
)
def care_proceedings_letter_misdated(ctx: RuleContext) -> pl.LazyFrame:
    """Letters initiating care proceedings dated outside the census year or before the application.

    LetterInitCPDate must fall between 1 April and 31 March, both included, and not before
    CourtAppDate: the letter to parents or guardians is sent once the court application has
    been submitted, on the same day at the earliest. Check both dates.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message, but its coding comment is a copy of 9012's.
    # Inferred from the message: LetterInitCPDate (probably N00835) within [Period_of_Census]
    # inclusive and on or after CourtAppDate (N00834). Decided as the message says; unlike the
    # peer, which drops a record without a CourtAppDate before any check, a letter outside the
    # year is flagged whatever that date; only the order needs both dates readable.
    outside = outside_reporting_year("LetterInitCPDate", ctx)
    return ctx.table(TABLE).filter(outside | earlier_than("LetterInitCPDate", "CourtAppDate"))


COLUMNS = ["LAchildID", "CINdetailsID", "CourtAppDate", "LetterInitCPDate"]

CASES = [
    Case(
        "dates a day outside the reporting year are flagged, its first and last days not",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-03-01", "2026-03-31"],
                ["A", "1", "2026-04-01", "2026-04-01"],
                ["A", "2", "2026-04-01", "2026-04-02"],
                ["B", "1", "2027-01-04", "2027-03-30"],
                ["B", "1", "2027-01-04", "2027-03-31"],
                ["B", "2", "2027-01-04", "2027-04-01"],
            )
        },
        flagged={"PreProceedings": [0, 5]},
        period="2026-27",
    ),
    Case(
        "a day before CourtAppDate is flagged, the same day and the day after are not",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-06-10", "2026-06-09"],
                ["A", "1", "2026-06-10", "2026-06-10"],
                ["A", "2", "2026-06-10", "2026-06-11"],
                ["B", "1", "2027-03-31", "2027-03-30"],
            )
        },
        flagged={"PreProceedings": [0, 3]},
        period="2026-27",
    ),
    Case(
        "a blank or unreadable date is not compared; a date outside the year is flagged alone",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-06-10", ""],
                ["A", "1", "2026-06-10", "2026-06-31"],
                ["A", "2", "", "2026-05-01"],
                ["A", "2", "2026-13-01", "2026-05-01"],
                ["B", "1", "", "2027-04-01"],
                ["B", "1", "2026-02-30", "2026-03-31"],
                ["B", "2", "", ""],
            )
        },
        flagged={"PreProceedings": [4, 5]},
        period="2026-27",
    ),
    Case(
        "a date both outside the reporting year and before CourtAppDate is flagged once",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-04-01", "2026-03-31"],
                ["B", "1", "2027-04-02", "2027-04-01"],
            )
        },
        flagged={"PreProceedings": [0, 1]},
        period="2026-27",
    ),
]
