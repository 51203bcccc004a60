"""Rule 8875: initial child protection conference held on a Saturday or Sunday."""

import polars as pl

from csc_validate.collections.cin.rulekit import is_weekend
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8875",
    message="The Date of Initial Child Protection Conference cannot be a weekend",
    tables=["Section47"],
    fields=["DateOfInitialCPC"],
    tags=["dates", "section47", "conferences"],
)
def conference_on_weekend(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry's initial child protection conference (DateOfInitialCPC) is dated
    on a Saturday or a Sunday.

    Conferences are not held at weekends: correct the date. Bank holidays are not checked.
    """
    # DfE coding (Section 47 module): must not be a Saturday, Sunday; no bank holidays.
    return ctx.table("Section47").filter(is_weekend("DateOfInitialCPC"))


CASES = [
    Case(
        "a Saturday or Sunday conference is flagged; Friday, Monday and a bank holiday are not",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-01", "2024-06-14"],
                ["A", "1", "2024-06-01", "2024-06-15"],
                ["A", "1", "2024-06-01", "2024-06-16"],
                ["A", "1", "2024-06-01", "2024-06-17"],
                ["B", "1", "2024-12-01", "2024-12-26"],
                ["B", "1", "2024-12-01", "2025-03-30"],
            ),
        },
        flagged={"Section47": [1, 2, 5]},
    ),
    Case(
        "a blank or unreadable conference date is not flagged",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-06-01", ""],
                ["B", "1", "2024-06-01", "2024-06-31"],
            ),
        },
    ),
]
