"""Rule 8740: Section 47 enquiry still awaiting its conference that started before the year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.collections.cin.rulekit.enquiries import conference_pending
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8740",
    message=(
        "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by "
        "the end of the census year, the start date must fall within the census year"
    ),
    tables=["Section47"],
    fields=["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
    tags=["dates", "section47", "conferences"],
)
def pending_enquiry_starts_outside_year(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry with no initial child protection conference date, not marked "ICPC
    not required", starts outside the census year (1 April to 31 March).

    An enquiry still awaiting its conference at the year end should have started in the year.
    Record the conference date, or mark the enquiry ICPC not required if it ended without one,
    or correct the start date.
    """
    # NOTE: a blank ICPCnotRequired counts as not true, as in 8675Q; the peer tests for "0"
    # only, so it passes a blank and "false". A blank or unreadable start date is not tested.
    return ctx.table("Section47").filter(
        conference_pending(ctx) & ~in_census_year("S47ActualStartDate", ctx)
    )


S47_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "S47ActualStartDate",
    "DateOfInitialCPC",
    "ICPCnotRequired",
]

CASES = [
    Case(
        "an enquiry awaiting its conference must start between 1 April and 31 March",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-03-31", "", "false"],
                ["B", "1", "2024-04-01", "", "false"],
                ["C", "1", "2025-03-31", "", "0"],
                ["D", "1", "2025-04-01", "", "0"],
                ["E", "1", "2024-03-31", "", ""],
            ),
        },
        flagged={"Section47": [0, 3, 4]},
        period="2024-25",
    ),
    Case(
        "a conference date, readable or not, or ICPC not required, takes the enquiry out",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-02-01", "2024-02-20", "false"],
                ["B", "1", "2024-02-01", "2024-02-30", "false"],
                ["C", "1", "2024-02-01", "", "true"],
                ["D", "1", "2024-02-01", "", "1"],
                ["E", "1", "", "", "false"],
                ["F", "1", "2024-02-30", "", "false"],
                ["G", "1", "2024-02-01", "", "FALSE"],
            ),
        },
        flagged={"Section47": [6]},
        period="2024-25",
    ),
]
