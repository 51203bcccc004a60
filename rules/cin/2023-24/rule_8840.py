"""Rule 8840: child protection plan starts and ends on the same day."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8840",
    message="Child Protection Plan cannot start and end on the same day",
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate", "CPPendDate"],
    tags=["dates", "plans"],
)
def protection_plan_starts_and_ends_same_day(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans whose end date is the same day as their start date.

    Check both dates; a plan agreed at a conference runs for at least one day.
    """
    # An open plan (blank end) or an unreadable date compares as null and is not flagged.
    return ctx.table("ChildProtectionPlans").filter(pl.col("CPPstartDate") == pl.col("CPPendDate"))


CASES = [
    Case(
        "a plan ending on its start day is flagged; a day either side is not",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate"],
                ["A", "1", "1", "2024-06-10", "2024-06-10"],
                ["A", "1", "2", "2024-06-10", "2024-06-11"],
                ["A", "1", "3", "2024-06-10", "2024-06-09"],
                ["B", "1", "1", "2024-06-10", ""],
                ["B", "1", "2", "", ""],
                ["B", "1", "3", "2024-02-30", "2024-02-30"],
                ["B", "2", "1", "2025-03-31", "2025-03-31"],
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
                ["A", "1", "2", "2024-06-10", "2024-09-01"],
            ),
        },
    ),
]
