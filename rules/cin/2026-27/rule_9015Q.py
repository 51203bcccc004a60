"""Rule 9015Q: an initial pre-proceedings meeting is recorded without a count of reviews."""

import polars as pl

from csc_validate.collections.cin.rulekit.pre_proceedings import TABLE, reported
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="9015Q",
    message=(
        "Please check: if review meetings were held following the initial pre-proceedings "
        "meeting, the total number held should be reported."
    ),
    severity="query",
    tables=["PreProceedings"],
    fields=["InitialPPMeetingDate", "ReviewMeetingsCount"],
    tags=["pre-proceedings", "meetings"],
)
def initial_meeting_without_review_count(ctx: RuleContext) -> pl.LazyFrame:
    """Initial pre-proceedings meetings recorded without a count of review meetings.

    The record has an InitialPPMeetingDate but a blank ReviewMeetingsCount. Enter the number of
    review meetings held after the initial meeting, or 0 if none were held.
    """
    # NOTE: DfE's 2026-27 rules document could not be read (reference/dfe-updates.md §3.2); the
    # peer's unreleased branch carries this message and DfE's coding "If (N00830) is present,
    # then (N00831) should be reported". Decided as coded, with the peer: a count is expected
    # once the initial meeting is recorded, and 0 is a count. A meeting date written but
    # unreadable still records a meeting; a count written but unreadable (CSC002 reports it) is
    # not blank.
    records = ctx.table(TABLE)
    return records.filter(reported("InitialPPMeetingDate") & ~reported("ReviewMeetingsCount"))


COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "PPStartDate",
    "InitialPPMeetingDate",
    "ReviewMeetingsCount",
]

CASES = [
    Case(
        "a meeting date without a count is queried; any count, 0 included, is an answer",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "2026-05-20", ""],
                ["A", "1", "2026-06-01", "2026-06-20", "0"],
                ["A", "2", "2026-07-01", "2026-07-20", "3"],
                ["B", "1", "2026-05-01", "2026-05-20", " "],
                ["B", "1", "2026-06-01", "2026-06-20", "two"],
            )
        },
        flagged={"PreProceedings": [0, 3]},
        period="2026-27",
    ),
    Case(
        "no meeting date asks for no count; an unreadable one does",
        tables={
            "PreProceedings": table(
                COLUMNS,
                ["A", "1", "2026-05-01", "", ""],
                ["A", "1", "2026-05-01", "", "2"],
                ["B", "1", "2026-05-01", "2026-04-31", ""],
                ["C", "1", "", "2026-05-20", ""],
            )
        },
        flagged={"PreProceedings": [2, 3]},
        period="2026-27",
    ),
]
