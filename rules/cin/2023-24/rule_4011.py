"""Rule 4011: CIN plan ends before it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="4011",
    message="CIN Plan End Date earlier than Start Date",
    tables=["CINplanDates"],
    fields=["CINPlanEndDate", "CINPlanStartDate"],
    tags=["dates", "plans"],
)
def cin_plan_ends_before_start(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans whose end date is earlier than their start date.

    Check both dates against the case record; one of them has been entered wrongly.
    """
    # A blank or unreadable date gives null, which the filter drops; a plan ending on the day it
    # starts is allowed here (4012Q queries it).
    return ctx.table("CINplanDates").filter(pl.col("CINPlanEndDate") < pl.col("CINPlanStartDate"))


CASES = [
    Case(
        "an end the day before the start is flagged; the same day and the day after are not",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-06-10", "2024-06-09"],
                ["B", "1", "2024-06-10", "2024-06-10"],
                ["C", "1", "2024-06-10", "2024-06-11"],
                ["D", "1", "2024-06-10", ""],
                ["E", "1", "2024-06-10", "2024-02-30"],
                ["F", "1", "", "2024-06-09"],
                ["G", "1", "2024-13-01", "2024-06-09"],
            )
        },
        flagged={"CINplanDates": [0]},
    ),
    Case(
        "several plans of one child are judged one by one",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", "2024-07-01"],
                ["A", "1", "2024-09-01", "2024-08-01"],
                ["A", "2", "2025-01-01", "2023-01-01"],
            )
        },
        flagged={"CINplanDates": [1, 2]},
    ),
]
