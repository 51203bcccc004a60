"""Rule 8615: Section 47 start date missing or after the initial conference."""

import polars as pl

from csc_validate.collections.cin.rulekit.enquiries import recorded
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8615",
    message=(
        "Section 47 Enquiry Start Date must be present and cannot be later than the date of "
        "the initial Child Protection Conference"
    ),
    tables=["Section47"],
    fields=["S47ActualStartDate", "DateOfInitialCPC"],
    tags=["dates", "section47", "conferences"],
)
def enquiry_start_missing_or_after_conference(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry with an initial conference date has no start date, or starts after
    the conference.

    The enquiry comes first: its start date (S47ActualStartDate) must be recorded and be on or
    before the conference date (DateOfInitialCPC). An enquiry starting on the day of the
    conference is accepted.
    """
    # "Present" is about text: an unreadable start date is present (CSC001 reports it), and an
    # unreadable conference date still calls for a start date.
    start, conference = pl.col("S47ActualStartDate"), pl.col("DateOfInitialCPC")
    missing_start = ~recorded("S47ActualStartDate")
    return ctx.table("Section47").filter(
        recorded("DateOfInitialCPC") & (missing_start | (start > conference))
    )


CASES = [
    Case(
        "a start the day after the conference is flagged; on and before it is not",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-11", "2024-06-10"],
                ["A", "1", "2024-06-10", "2024-06-10"],
                ["A", "1", "2024-06-09", "2024-06-10"],
                ["A", "2", "2025-01-02", "2024-12-31"],
            ),
        },
        flagged={"Section47": [0, 3]},
    ),
    Case(
        "a blank start is flagged when a conference date is recorded, readable or not",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "", "2024-06-10"],
                ["B", "1", "", "2024-06-31"],
                ["C", "1", "", ""],
                ["D", "1", "2024-06-31", "2024-06-10"],
                ["E", "1", "2024-06-11", ""],
                ["F", "1", "2024-06-11", "2024-02-30"],
            ),
        },
        flagged={"Section47": [0, 1]},
    ),
]
