"""Rule 8675Q: Section 47 enquiry over 15 working days old with no conference date."""

import polars as pl

from csc_validate.collections.cin.rulekit.enquiries import conference_pending
from csc_validate.rulekit import Case, RuleContext, rule, table, working_days_before


@rule(
    code="8675Q",
    message=(
        "Please check and either amend data or provide a reason: S47 Enquiry started more than "
        "15 working days before the end of the census year. However, there is no date of "
        "Initial Child Protection Conference."
    ),
    severity="query",
    tables=["Section47"],
    fields=["DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired"],
    tags=["dates", "section47", "conferences", "working-days"],
)
def enquiry_overdue_for_conference(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry started more than 15 working days before the census reference date
    (31 March) has no initial child protection conference date and is not marked "ICPC not
    required".

    An initial conference is due within 15 working days of the enquiry starting. Record the
    conference date, or mark the enquiry ICPC not required if it ended without one, or explain
    the delay. Working days leave out weekends and England's bank holidays.
    """
    # DfE coding: S47ActualStartDate should not be before the ReferenceDate minus 15 working
    # days. NOTE: the peer counts the reference date as one of the 15 (a day later threshold);
    # here the 15 working days are counted back from the day before it, as DfE's "minus" reads.
    # NOTE: a blank ICPCnotRequired is "not true" (the enquiry was not closed without a
    # conference); the peer only tests false/0 and so passes a blank.
    deadline = pl.lit(working_days_before(ctx.end, 15), dtype=pl.Date)
    return ctx.table("Section47").filter(
        conference_pending(ctx) & (pl.col("S47ActualStartDate") < deadline)
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
        "15 working days before Monday 31 March 2025 is Monday 10 March: earlier starts flagged",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2025-03-07", "", "false"],
                ["B", "1", "2025-03-09", "", "0"],
                ["C", "1", "2025-03-10", "", "false"],
                ["D", "1", "2025-03-11", "", ""],
                ["E", "1", "2024-04-01", "", ""],
                ["F", "1", "2025-03-31", "", "false"],
            ),
        },
        flagged={"Section47": [0, 1, 4]},
        period="2024-25",
    ),
    Case(
        "over Easter 2024 the 15 working days reach back to Friday 8 March",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-03-07", "", "false"],
                ["B", "1", "2024-03-08", "", "false"],
                ["C", "1", "2024-03-10", "", "false"],
                ["D", "1", "2024-03-11", "", "false"],
            ),
        },
        flagged={"Section47": [0]},
        period="2023-24",
    ),
    Case(
        "a conference date, readable or not, or ICPC not required, ends the query",
        tables={
            "Section47": table(
                S47_COLUMNS,
                ["A", "1", "2024-06-01", "2024-06-20", "false"],
                ["B", "1", "2024-06-01", "2024-06-31", "false"],
                ["C", "1", "2024-06-01", "", "true"],
                ["D", "1", "2024-06-01", "", "1"],
                ["E", "1", "2024-06-01", "", "TRUE"],
                ["F", "1", "2024-06-01", "", "FALSE"],
                ["G", "1", "", "", "false"],
                ["H", "1", "2024-06-31", "", "false"],
            ),
        },
        flagged={"Section47": [4, 5]},
        period="2024-25",
    ),
]
