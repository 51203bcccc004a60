"""Rule 8925: child protection plan ends before it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8925",
    message="Child Protection Plan End Date earlier than Start Date",
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate", "CPPendDate"],
    tags=["dates", "plans"],
)
def protection_plan_ends_before_start(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans whose end date is earlier than their start date.

    Check both dates; they may have been swapped.
    """
    # Same-day plans are rule 8840's; a blank or unreadable date compares as null here.
    return ctx.table("ChildProtectionPlans").filter(pl.col("CPPendDate") < pl.col("CPPstartDate"))


CASES = [
    Case(
        "an end the day before the start is flagged; on the day or after is not",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-06-10", "2024-06-09"],
                ["A", "1", "2", "2024-06-10", "2024-06-10"],
                ["A", "1", "3", "2024-06-10", "2024-06-11"],
                ["A", "2", "1", "2024-06-10", ""],
                ["B", "1", "1", "", "2024-06-09"],
                ["B", "1", "2", "2024-06-10", "2024-02-30"],
                ["B", "1", "3", "2025-04-01", "2025-03-31"],
            ),
        },
        flagged={"ChildProtectionPlans": [0, 6]},
    ),
    Case(
        "each plan is compared with its own dates only",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-05-01", "2024-06-10"],
                ["A", "1", "2", "2024-06-11", "2024-09-01"],
            ),
        },
    ),
]
