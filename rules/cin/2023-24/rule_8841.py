"""Rule 8841: child protection plan review on or before the plan's start date."""

import polars as pl

from csc_validate.collections.cin.rulekit import PLAN
from csc_validate.rulekit import Case, RuleContext, by_content, rule, table


@rule(
    code="8841",
    message=(
        "The review date cannot be on the same day or before the Child protection Plan start date."
    ),
    tables=["Reviews"],
    fields=["CPPreviewDate"],
    tags=["dates", "plans", "reviews"],
)
def review_on_or_before_plan_start(ctx: RuleContext) -> pl.LazyFrame:
    """Reviews of a child protection plan dated on or before the day the plan started.

    A review comes after the plan starts. Check the review date, the plan's start date, and
    that the review is recorded under the right plan.
    """
    # A plan listed twice (a duplicated child) is matched once, with its earliest start date
    # (a blank last), whatever the order of the rows.
    starts = (
        ctx.table("ChildProtectionPlans")
        .sort("CPPstartDate", by_content(), nulls_last=True)
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the
        # rows kept, which the join ignores.
        .unique(subset=PLAN, keep="first", maintain_order=True)
        .select(*PLAN, "CPPstartDate")
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a review with no plan a null
    # start date, and the comparison with null is dropped by the filter, as the inner join does.
    reviews = ctx.table("Reviews").join(starts, on=PLAN, how="inner")
    # A blank or unreadable date on either side compares as null and is not flagged.
    return reviews.filter(pl.col("CPPreviewDate") <= pl.col("CPPstartDate"))


CASES = [
    Case(
        "a review on or before its own plan's start is flagged, the day after is not",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-06-10"],
                ["A", "1", "2", "2024-09-01"],
                ["A", "2", "1", "2024-01-01"],
            ),
            "Reviews": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
                ["A", "1", "1", "2024-06-09"],
                ["A", "1", "1", "2024-06-10"],
                ["A", "1", "1", "2024-06-11"],
                ["A", "1", "2", "2024-08-01"],
                ["A", "1", "2", "2024-09-02"],
                ["A", "2", "1", "2024-08-01"],
            ),
        },
        flagged={"Reviews": [0, 1, 3]},
    ),
    Case(
        "blank or unreadable dates and reviews without a plan are not flagged",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-06-10"],
                ["B", "1", "1", ""],
                ["C", "1", "1", "2024-02-30"],
            ),
            "Reviews": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
                ["A", "1", "1", ""],
                ["A", "1", "1", "2024-13-01"],
                ["B", "1", "1", "2024-01-01"],
                ["C", "1", "1", "2024-01-01"],
                ["D", "1", "1", "2024-01-01"],
                ["A", "1", "1", "2024-06-01"],
            ),
        },
        flagged={"Reviews": [5]},
    ),
    Case(
        "a plan listed twice is judged by its earliest start date (a blank last), in any row order",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPstartDate"],
                ["A", "1", "1", "2024-06-10"],
                ["A", "1", "1", "2024-05-01"],
                ["B", "1", "1", "2024-05-01"],
                ["B", "1", "1", "2024-06-10"],
                ["C", "1", "1", "2024-06-20"],
                ["C", "1", "1", "2024-06-10"],
                ["D", "1", "1", ""],
                ["D", "1", "1", "2024-06-10"],
            ),
            "Reviews": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
                ["A", "1", "1", "2024-06-01"],
                ["B", "1", "1", "2024-06-01"],
                ["C", "1", "1", "2024-06-01"],
                ["D", "1", "1", "2024-06-01"],
            ),
        },
        flagged={"Reviews": [2, 3]},
    ),
]
