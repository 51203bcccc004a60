"""Rule 4013: CIN plan end date outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="4013",
    message="CIN Plan end date must fall within the census year",
    tables=["CINplanDates"],
    fields=["CINPlanEndDate"],
    tags=["dates", "plans"],
)
def cin_plan_end_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans with an end date before 1 April or after 31 March of the census year.

    A plan that ended before the census year should not be in the return; a plan still open on
    31 March has no end date.
    """
    # A blank or unreadable end date gives null, which the filter drops.
    return ctx.table("CINplanDates").filter(~in_census_year("CINPlanEndDate", ctx))


CASES = [
    Case(
        "end dates either side of the census year are flagged, its first and last days not",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2023-10-01", "2024-03-31"],
                ["B", "1", "2023-10-01", "2024-04-01"],
                ["C", "1", "2024-10-01", "2025-03-31"],
                ["D", "1", "2024-10-01", "2025-04-01"],
                ["E", "1", "2024-10-01", ""],
                ["F", "1", "2024-10-01", "2025-02-30"],
            )
        },
        flagged={"CINplanDates": [0, 3]},
        period="2024-25",
    ),
    Case(
        "several plans of one child are judged one by one",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2022-01-01", "2022-12-31"],
                ["A", "1", "2023-01-01", "2023-06-30"],
                ["A", "2", "2023-07-01", ""],
            )
        },
        flagged={"CINplanDates": [0]},
        period="2023-24",
    ),
]
