"""Rule 8715: initial child protection conference dated outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8715",
    message="Date of Initial Child Protection Conference must fall within the census year",
    tables=["Section47"],
    fields=["DateOfInitialCPC"],
    tags=["dates", "section47", "conferences"],
)
def conference_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """A Section 47 enquiry's initial child protection conference is dated before 1 April or
    after 31 March of the census year.

    Only conferences held in the census year are reported on Section 47 records. Correct the
    date, or leave out a Section 47 record whose conference belongs to another year.
    """
    # DfE places 8715 in the Section 47 module: an episode-level DateOfInitialCPC is not tested.
    # A blank or unreadable date is not tested: not in the year gives null, which filter drops.
    return ctx.table("Section47").filter(~in_census_year("DateOfInitialCPC", ctx))


CASES = [
    Case(
        "conferences on 31 March before the year and 1 April after it are flagged",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-03-01", "2024-03-31"],
                ["A", "1", "2024-03-01", "2024-04-01"],
                ["A", "2", "2025-03-01", "2025-03-31"],
                ["A", "2", "2025-03-01", "2025-04-01"],
                ["B", "1", "2024-09-01", "2024-09-12"],
            ),
        },
        flagged={"Section47": [0, 3]},
        period="2024-25",
    ),
    Case(
        "a blank or unreadable conference date is not tested",
        tables={
            "Section47": table(
                ["LAchildID", "CINdetailsID", "S47ActualStartDate", "DateOfInitialCPC"],
                ["A", "1", "2024-09-01", ""],
                ["B", "1", "2024-09-01", "2023-02-29"],
                ["C", "1", "2024-09-01", "2023-09-01"],
            ),
        },
        flagged={"Section47": [2]},
        period="2024-25",
    ),
]
