"""Rule 8730: number of previous child protection plans missing."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="8730",
    message="Total Number of previous Child Protection Plans missing",
    tables=["ChildProtectionPlans"],
    fields=["NumberOfPreviousCPP"],
    tags=["plans"],
)
def previous_plan_count_missing(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans with no number of previous plans, or a number below zero.

    Record how many child protection plans the child had before this one; 0 if none.
    """
    count = pl.col("NumberOfPreviousCPP")
    # DfE's coding: the number must be zero or more, so a negative one fails too. A value that
    # is not a whole number is left to CSC002, which reports it already.
    missing = count.is_null() & ~unreadable("NumberOfPreviousCPP")
    return ctx.table("ChildProtectionPlans").filter(missing | (count < 0))


CASES = [
    Case(
        "a blank or negative number is flagged; zero and more are not",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "NumberOfPreviousCPP"],
                ["A", "1", "1", "0"],
                ["A", "1", "2", "1"],
                ["A", "1", "3", ""],
                ["B", "1", "1", "-1"],
                ["B", "1", "2", "12"],
                ["B", "2", "1", "two"],
                ["B", "2", "2", "+2"],
            ),
        },
        flagged={"ChildProtectionPlans": [2, 3]},
    ),
    Case(
        "every plan of a child is checked",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "NumberOfPreviousCPP"],
                ["A", "1", "1", "2024-05-01", "2"],
                ["A", "2", "1", "2024-09-01", ""],
            ),
        },
        flagged={"ChildProtectionPlans": [1]},
    ),
]
