"""Rule 565: a missing or away start date without saying whether missing or away."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="565",
    message=(
        "The date that the child started to be missing or away from placement without"
        " authorisation has been completed but whether the child was missing or away from"
        " placement without authorisation has not been completed."
    ),
    tables=["Missing"],
    fields=["MISSING", "MIS_START"],
    tags=["missing"],
)
def start_date_without_missing_code(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period has a start date but does not say if the child was missing or away.

    Record whether the child was missing (M) or away from placement without authorisation (A).
    """
    # Any text in MIS_START counts as completed, even an unreadable date.
    return ctx.table("Missing").filter(
        pl.col(raw_name("MIS_START")).is_not_null() & pl.col("MISSING").is_null()
    )


CASES = [
    Case(
        "a start date with a blank MISSING is flagged, even an unreadable date, on any row",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_START"],
                ["1", "", "01/05/2024"],
                ["4", "", "not a date"],
                ["5", "", "31/02/2024"],
                ["6", "", "2024-05-01"],
                ["9", "M", "01/05/2024"],
                ["9", "", "01/06/2024"],
            ),
        },
        flagged={"Missing": [0, 1, 2, 3, 5]},
    ),
    Case(
        "a blank start, or a MISSING code given (even an unknown one), is not flagged",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_START"],
                ["2", "M", "01/05/2024"],
                ["3", "", ""],
                ["7", "A", ""],
                ["8", "X", "01/05/2024"],
            ),
        },
    ),
]
