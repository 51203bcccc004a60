"""Rule 9012: court application outside the reporting year or before the step-up decision."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import (
    TABLE,
    earlier_than,
    outside_reporting_year,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9012",
    message=(
        "The date that the local authority submitted the court application to commence care "
        "proceedings must fall within the reporting year and be on or after the date of the "
        "decision to initiate care proceedings."
    ),
    tables=["PreProceedings"],
    fields=["CourtAppDate", "StepDecisionDate"],
    tags=["pre-proceedings", "dates", "court"],
)
def court_application_misdated(ctx: RuleContext) -> pl.LazyFrame:
    """Court applications dated outside the census year or before the decision to step up.

    CourtAppDate must fall between 1 April and 31 March, both included, and not before
    StepDecisionDate: the application follows the decision to start care proceedings, on the
    same day at the earliest. Check both dates.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and a garbled coding, "If (N00834) is
    # present, then it must fall on or after (N008342 and ... within [Period_of_Census]
    # inclusive". Inferred: the decision to initiate care proceedings is the step-up decision,
    # StepDecisionDate (probably N00832). Decided as the message says; unlike the peer, which
    # drops a record without a StepDecisionDate before any check, an application outside the
    # year is flagged whatever that date; only the order needs both dates readable.
    outside = outside_reporting_year("CourtAppDate", ctx)
    return ctx.table(TABLE).filter(outside | earlier_than("CourtAppDate", "StepDecisionDate"))


COLUMNS = ["LAchildID", "CINdetailsID", "StepDecisionDate", "CourtAppDate"]

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
        "a day before StepDecisionDate is flagged, the same day and the day after are not",
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
        "a date both outside the reporting year and before StepDecisionDate is flagged once",
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
