"""Rule 9009: step up or down decision outside the reporting year or before the start."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import (
    TABLE,
    earlier_than,
    outside_reporting_year,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9009",
    message=(
        "The date when the decision was made to step up or down must be on or after the date of "
        "the decision to begin pre-proceedings and must fall within the reporting year"
    ),
    tables=["PreProceedings"],
    fields=["StepDecisionDate", "PPStartDate"],
    tags=["pre-proceedings", "dates"],
)
def step_decision_misdated(ctx: RuleContext) -> pl.LazyFrame:
    """Decisions to step up or down dated outside the census year or before pre-proceedings began.

    StepDecisionDate must fall between 1 April and 31 March, both included, and not before
    PPStartDate: the decision to step up to care proceedings or down closes pre-proceedings, so
    it cannot come before the decision to begin them. Check both dates.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message, but its coding comment is a copy of 9006's.
    # Inferred from the message: within [Period_of_Census] inclusive and on or after N00826.
    # Decided as the message says; unlike the peer, which drops a record without a PPStartDate
    # before any check, a decision outside the year is flagged whatever the start date; only
    # the order needs both dates readable.
    outside = outside_reporting_year("StepDecisionDate", ctx)
    return ctx.table(TABLE).filter(outside | earlier_than("StepDecisionDate", "PPStartDate"))


COLUMNS = ["LAchildID", "CINdetailsID", "PPStartDate", "StepDecisionDate"]

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
        "a day before PPStartDate is flagged, the same day and the day after are not",
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
        "a date both outside the reporting year and before PPStartDate is flagged once",
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
