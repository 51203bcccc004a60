"""Rule 9008: the first effective pre-proceedings meeting falls outside the reporting year."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, outside_reporting_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9008",
    message=(
        "The date of the first effective pre-proceedings meeting must be within the reporting year."
    ),
    tables=["PreProceedings"],
    fields=["InitialPPMeetingDate"],
    tags=["pre-proceedings", "dates"],
)
def first_pre_proceedings_meeting_outside_reporting_year(ctx: RuleContext) -> pl.LazyFrame:
    """First effective pre-proceedings meetings dated outside the census year.

    InitialPPMeetingDate must fall between 1 April and 31 March, both included. Check the date
    of the first effective pre-proceedings meeting.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "If (N00830) is present,
    # then it must fall within [Period_of_Census] inclusive". Inferred from that coding: 1 April
    # and 31 March are inside. Decided as coded, with the peer: no comparison with PPStartDate
    # (DfE asks none), and a blank or unreadable date is not flagged (CSC001 reports the latter).
    return ctx.table(TABLE).filter(outside_reporting_year("InitialPPMeetingDate", ctx))


CASES = [
    Case(
        "meeting dates a day outside the reporting year are flagged, its first and last days not",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "InitialPPMeetingDate"],
                ["A", "1", "2026-04-01", "2026-03-31"],
                ["A", "1", "2026-04-01", "2026-04-01"],
                ["A", "2", "2026-04-01", "2026-04-02"],
                ["B", "1", "2026-05-01", "2027-03-30"],
                ["B", "1", "2026-05-01", "2027-03-31"],
                ["B", "2", "2026-05-01", "2027-04-01"],
            )
        },
        flagged={"PreProceedings": [0, 5]},
        period="2026-27",
    ),
    Case(
        "blank and unreadable meeting dates are not flagged, nor a meeting before the start date",
        tables={
            "PreProceedings": table(
                ["LAchildID", "CINdetailsID", "PPStartDate", "InitialPPMeetingDate"],
                ["A", "1", "2026-05-01", ""],
                ["A", "1", "2026-05-01", "2027-02-29"],
                ["A", "2", "2026-05-01", "2026-04-20"],
                ["B", "1", "", "2028-01-01"],
            )
        },
        flagged={"PreProceedings": [3]},
        period="2026-27",
    ),
]
