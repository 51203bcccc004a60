"""Rule 4012Q: CIN plan starts and ends on the same day."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="4012Q",
    message=(
        "Please check and either amend or provide a reason: CIN Plan shown as starting and "
        "ending on the same day"
    ),
    severity="query",
    tables=["CINplanDates"],
    fields=["CINPlanStartDate", "CINPlanEndDate"],
    tags=["dates", "plans"],
)
def cin_plan_starts_and_ends_same_day(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans that start and end on the same day.

    A CIN plan lasting a single day is unusual: correct the dates, or give the reason.
    """
    # A blank or unreadable date gives null, which the filter drops.
    return ctx.table("CINplanDates").filter(pl.col("CINPlanStartDate") == pl.col("CINPlanEndDate"))


CASES = [
    Case(
        "only a plan ending on its start day is queried",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-06-10", "2024-06-10"],
                ["B", "1", "2024-06-10", "2024-06-09"],
                ["C", "1", "2024-06-10", "2024-06-11"],
                ["D", "1", "2024-06-10", ""],
                ["E", "1", "", ""],
                ["F", "1", "2024-02-30", "2024-02-30"],
            )
        },
        flagged={"CINplanDates": [0]},
    ),
    Case(
        "several plans of one child are judged one by one",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2024-05-01", "2024-05-01"],
                ["A", "1", "2024-05-02", "2024-08-01"],
                ["A", "2", "2024-09-01", "2024-09-01"],
            )
        },
        flagged={"CINplanDates": [0, 2]},
    ),
]
