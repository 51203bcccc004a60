"""Rule 566: a missing or away end date without saying whether missing or away."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="566",
    message=(
        "The date that the child's episode of being missing or away from placement without"
        " authorisation ended has been completed but whether the child was missing or away"
        " without authorisation has not been completed."
    ),
    tables=["Missing"],
    fields=["MISSING", "MIS_END"],
    tags=["missing"],
)
def end_date_without_missing_code(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period has an end date but does not say if the child was missing or away.

    Record whether the child was missing (M) or away from placement without authorisation (A).
    """
    # Any text in MIS_END counts as completed, even an unreadable date.
    return ctx.table("Missing").filter(
        pl.col(raw_name("MIS_END")).is_not_null() & pl.col("MISSING").is_null()
    )


CASES = [
    Case(
        "an end date with a blank MISSING is flagged, even an unreadable date, on any row",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_END"],
                ["1", "", "01/05/2024"],
                ["4", "", "31/02/2024"],
                ["5", "", "2024-05-01"],
                ["9", "M", "01/05/2024"],
                ["9", "", "01/06/2024"],
            ),
        },
        flagged={"Missing": [0, 1, 2, 4]},
    ),
    Case(
        "a blank end, or a MISSING code given (even an unknown one), is not flagged",
        tables={
            "Missing": table(
                ["CHILD", "MISSING", "MIS_END"],
                ["2", "A", "01/05/2024"],
                ["3", "", ""],
                ["6", "M", ""],
                ["7", "X", "01/05/2024"],
                ["8", "M", "31/02/2024"],
            ),
        },
    ),
]
