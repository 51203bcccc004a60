"""Rule 8839: two or more Section 47 enquiries awaiting a conference in one CIN episode."""

import polars as pl

from csc_validate.collections.cin.rulekit import EPISODE, with_each_other
from csc_validate.collections.cin.rulekit.enquiries import conference_pending
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8839",
    message="Within one CINDetails group there are 2 or more open S47 Assessments",
    tables=["Section47"],
    fields=["DateOfInitialCPC"],
    tags=["section47", "conferences"],
)
def several_open_enquiries(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode has two or more open Section 47 enquiries: enquiries with no initial child
    protection conference date that are not marked "ICPC not required".

    An episode can have only one enquiry still awaiting its conference. Record the conference
    date of each earlier enquiry, or mark it ICPC not required if it ended without one. Every
    open enquiry of the episode is flagged.
    """
    # A blank ICPCnotRequired is not true, so the enquiry stays open; an unreadable conference
    # date is a date recorded, so the enquiry is not open (CSC001 reports the date).
    # Each open enquiry names the episode's other open ones. A CSV enquiry with a blank
    # CINdetailsID is an episode of its own (EPISODE's key), so it shares with no other.
    return with_each_other(ctx.table("Section47").filter(conference_pending(ctx)), EPISODE)


S47_COLUMNS = [
    "LAchildID",
    "CINdetailsID",
    "S47ActualStartDate",
    "DateOfInitialCPC",
    "ICPCnotRequired",
]

CASES = [
    Case(
        "two open enquiries in one episode are both flagged",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-05-01", "", "false"],
                ["A", "1", "2024-08-01", "", ""],
                ["A", "1", "2024-02-01", "2024-02-20", "false"],
                ["A", "2", "2024-10-01", "", "false"],
                ["B", "1", "2024-05-01", "", "0"],
                ["B", "1", "2024-08-01", "", "FALSE"],
                ["B", "1", "2024-09-01", "", "false"],
            ),
        },
        flagged={"Section47": [0, 1, 4, 5, 6]},
        # Each open enquiry names the episode's other open ones, never another episode's.
        related=(
            ("Section47", 0, "Section47", 1),
            ("Section47", 1, "Section47", 0),
            ("Section47", 4, "Section47", 5),
            ("Section47", 4, "Section47", 6),
            ("Section47", 5, "Section47", 4),
            ("Section47", 5, "Section47", 6),
            ("Section47", 6, "Section47", 4),
            ("Section47", 6, "Section47", 5),
        ),
    ),
    Case(
        "enquiries with a conference date, readable or not, or not required, are not open",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-05-01", "", "false"],
                ["A", "1", "2024-08-01", "", "true"],
                ["A", "1", "2024-09-01", "", "1"],
                ["A", "1", "2024-10-01", "2024-10-31", "false"],
                ["A", "1", "2024-11-01", "2024-11-31", "false"],
                ["B", "1", "2024-05-01", "", "false"],
                ["C", "1", "2024-05-01", "", "false"],
            ),
        },
    ),
    Case(
        "in a CSV extract open enquiries with a blank episode ID are each in no shared episode",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "", "2024-05-01", "", "false"],
                ["A", "", "2024-08-01", "", "false"],
                ["B", "", "2024-05-01", "", "false"],
                ["B", "1", "2024-08-01", "", "false"],
                ["C", "2", "2024-05-01", "", "false"],
                ["C", "2", "2024-08-01", "", "false"],
            ),
        },
        flagged={"Section47": [4, 5]},
        related=(("Section47", 4, "Section47", 5), ("Section47", 5, "Section47", 4)),
    ),
]
