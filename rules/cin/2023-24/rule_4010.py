"""Rule 4010: CIN plan start date missing or after the census reference date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable

# NOTE: DfE's coding wants the start date present and on or before the reference date; there is
# no lower bound, since a plan that began before 1 April and ran into the census year is reported
# too. An unreadable start date is not "missing": CSC001 reports it.


@rule(
    code="4010",
    message="CIN Plan start date is missing or out of data collection period",
    tables=["CINplanDates"],
    fields=["CINPlanStartDate"],
    tags=["dates", "plans"],
)
def cin_plan_start_missing_or_after_reference_date(ctx: RuleContext) -> pl.LazyFrame:
    """CIN plans with no start date, or a start date after the census reference date (31 March).

    Give the date the CIN plan started. A plan that starts after 31 March belongs in next year's
    census; leave it out of this return.
    """
    start = pl.col("CINPlanStartDate")
    blank = start.is_null() & ~unreadable("CINPlanStartDate")
    return ctx.table("CINplanDates").filter(blank | (start > pl.lit(ctx.end, dtype=pl.Date)))


CASES = [
    Case(
        "a blank start and starts after 31 March are flagged; earlier years' starts are not",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2025-03-30", ""],
                ["A", "2", "2025-03-31", ""],
                ["B", "1", "2025-04-01", ""],
                ["C", "1", "", "2024-06-01"],
                ["D", "1", "2025-02-30", ""],
                ["E", "1", "2019-06-01", "2024-05-01"],
                ["F", "1", "2024-04-01", ""],
                ["G", "1", "2026-01-10", "2026-02-01"],
            )
        },
        flagged={"CINplanDates": [2, 3, 7]},
        period="2024-25",
    ),
    Case(
        "several plans of one child are judged one by one",
        tables={
            "CINplanDates": table(
                ["LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"],
                ["A", "1", "2023-05-01", "2023-09-01"],
                ["A", "1", "2024-04-02", ""],
                ["A", "2", "", ""],
            )
        },
        flagged={"CINplanDates": [1, 2]},
        period="2023-24",
    ),
]
