"""Rule 8870Q: target date for the initial conference on a Saturday or Sunday."""

import polars as pl

from csc_validate.collections.cin.rulekit import is_weekend
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8870Q",
    message=(
        "Please check and either amend or provide a reason: The Target Date for Initial Child "
        "Protection Conference should not be a weekend"
    ),
    severity="query",
    tables=["Section47"],
    fields=["InitialCPCtarget"],
    tags=["dates", "section47", "conferences"],
)
def conference_target_on_weekend(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry's target date for the initial child protection conference
    (InitialCPCtarget) falls on a Saturday or a Sunday.

    Conferences are held on working days, so the target date should be one. Bank holidays are
    not queried.
    """
    # DfE coding: should not be a Saturday, Sunday; weekends only, no bank holidays. The peer
    # reads the date as dd-mm-yyyy, so an ISO date from the XML is never tested there.
    return ctx.table("Section47").filter(is_weekend("InitialCPCtarget"))


CASES = [
    Case(
        "a Saturday or Sunday target is queried; Friday, Monday and a bank holiday are not",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget"],
                ["A", "1", "2024-06-01", "2024-06-14"],
                ["A", "1", "2024-06-01", "2024-06-15"],
                ["A", "1", "2024-06-01", "2024-06-16"],
                ["A", "1", "2024-06-01", "2024-06-17"],
                ["B", "1", "2024-12-01", "2024-12-25"],
                ["B", "1", "2024-12-01", "2024-12-28"],
            ),
        },
        flagged={"Section47": [1, 2, 5]},
    ),
    Case(
        "a blank or unreadable target date is not queried",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget"],
                ["A", "1", "2024-06-01", ""],
                ["B", "1", "2024-06-01", "2024-06-31"],
            ),
        },
    ),
]
