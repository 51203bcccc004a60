"""Rule 8620: CIN closure date outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8620",
    message="CIN Closure Date present and does not fall within the Census year",
    tables=["CINdetails"],
    fields=["CINclosureDate"],
    tags=["dates", "episodes"],
)
def closure_date_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode closed before 1 April or after 31 March of the census year.

    An episode closed before the census year should not be in the return; check the closure
    date, or leave it blank if the episode is still open.
    """
    # A blank or unreadable closure date gives null, which the filter drops.
    return ctx.table("CINdetails").filter(~in_census_year("CINclosureDate", ctx))


CASES = [
    Case(
        "closure dates either side of the census year are flagged, its first and last days not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINreferralDate", "CINclosureDate"],
                ["A", "1", "2024-01-01", "2024-03-31"],
                ["A", "2", "2024-03-31", "2024-04-01"],
                ["B", "1", "2024-05-01", "2025-03-31"],
                ["C", "1", "2024-05-01", "2025-04-01"],
                ["D", "1", "2024-05-01", ""],
                ["E", "1", "2024-05-01", "2025-02-30"],
                ["F", "1", "2024-05-01", "15/10/2024"],
            )
        },
        flagged={"CINdetails": [0, 3]},
        period="2024-25",
    ),
    Case(
        "several episodes of one child are judged one by one",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate"],
                ["A", "1", "2022-11-30"],
                ["A", "2", "2023-11-30"],
                ["A", "3", ""],
            )
        },
        flagged={"CINdetails": [0]},
        period="2023-24",
    ),
]
