"""Rule 700: DoLO start date missing or not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="700",
    message="The start date of the DoLO is not a valid date.",
    tables=["DoLo"],
    fields=["DOLO_START"],
    tags=["dolo", "dates"],
)
def dolo_start_missing_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The start date of a deprivation of liberty order (DoLO) is blank or not a real date.

    Enter the date the order started (DOLO_START) as dd/mm/yyyy.
    """
    # DOLO_START is required, so a blank is as invalid as an impossible date: both are null once
    # cast.
    return ctx.table("DoLo").filter(pl.col("DOLO_START").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped start dates are flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START"],
                ["1", "01/05/2026"],
                ["2", ""],
                ["3", "31/04/2026"],
                ["4", "2026-05-01"],
                ["5", "29/02/2028"],
            )
        },
        flagged={"DoLo": [1, 2, 3]},
    ),
    Case(
        "29 February outside a leap year and a one-digit day are flagged, each order on its own",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START"],
                ["1", "29/02/2027"],
                ["1", "28/02/2027"],
                ["2", "1/5/2026"],
                ["2", "01/05/2026"],
                ["3", "01/05/2026"],
                ["3", ""],
            )
        },
        flagged={"DoLo": [0, 2, 5]},
    ),
]
