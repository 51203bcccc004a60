"""Rule 8930: child protection plan end date outside the census year."""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8930",
    message="Child Protection Plan End Date must fall within the census year",
    tables=["ChildProtectionPlans"],
    fields=["CPPendDate"],
    tags=["dates", "plans"],
)
def protection_plan_end_outside_census_year(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans with an end date outside the census year (1 April to 31 March).

    A plan that ended before 1 April was not open in the census year; leave the end date blank
    for a plan still open on 31 March.
    """
    # An open plan (blank end) or an unreadable end date is null here and not flagged.
    return ctx.table("ChildProtectionPlans").filter(~in_census_year("CPPendDate", ctx))


CASES = [
    Case(
        "an end before 1 April or after 31 March is flagged; both edges are in the year",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2023-09-01", "2024-03-31"],
                ["A", "1", "2", "2023-09-01", "2024-04-01"],
                ["A", "1", "3", "2023-09-01", "2024-04-02"],
                ["A", "2", "1", "2024-09-01", "2025-03-30"],
                ["A", "2", "2", "2024-09-01", "2025-03-31"],
                ["A", "2", "3", "2024-09-01", "2025-04-01"],
                ["B", "1", "1", "2024-09-01", ""],
                ["B", "1", "2", "2024-09-01", "2025-02-29"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 5]},
        period="2024-25",
    ),
    Case(
        "the census year follows the return's year",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2025-01-01", "2025-03-31"],
                ["A", "1", "2", "2025-01-01", "2025-04-01"],
                ["A", "1", "3", "2025-01-01", "2026-03-31"],
                ["A", "1", "4", "2025-01-01", "2026-04-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 3]},
        period="2025-26",
    ),
]
