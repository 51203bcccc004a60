"""Rule 8720: child protection plan start date missing or after the census reference date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable

# NOTE: an unreadable start date is left to CSC001, which reports it already; the peer counts it
# as missing here too, so one typo would be reported twice.


@rule(
    code="8720",
    message="Child Protection Plan Start Date missing or out of data collection period",
    tables=["ChildProtectionPlans"],
    fields=["CPPstartDate"],
    tags=["dates", "plans"],
)
def protection_plan_start_missing_or_after_reference_date(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans with no start date, or one after the census reference date
    (31 March).

    A plan that started before the census year and was still open in it is reported, so an
    early start date is fine; a plan starting after 31 March belongs to next year's census.
    """
    start = pl.col("CPPstartDate")
    # DfE's coding: the start date must be present and on or before the reference date.
    missing = start.is_null() & ~unreadable("CPPstartDate")
    return ctx.table("ChildProtectionPlans").filter(missing | (start > ctx.end))


CASES = [
    Case(
        "a blank start or one after 31 March is flagged; earlier years are not",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2025-03-30"],
                ["A", "1", "2", "2025-03-31"],
                ["A", "1", "3", "2025-04-01"],
                ["A", "2", "1", "2024-03-31"],
                ["A", "2", "2", "2024-04-01"],
                ["B", "1", "1", "2019-01-15"],
                ["B", "1", "2", ""],
                ["B", "1", "3", "2025-02-29"],
            ),
        },
        flagged={"ChildProtectionPlans": [2, 6]},
        period="2024-25",
    ),
    Case(
        "the reference date is the census year's 31 March",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2026-03-31"],
                ["A", "1", "2", "2026-04-01"],
            ),
        },
        flagged={"ChildProtectionPlans": [1]},
        period="2025-26",
    ),
]
