"""Rule 567: a missing or away period ends before it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="567",
    message=(
        "The date that the missing episode or episode that the child was away from placement"
        " without authorisation ended is before the date that it started."
    ),
    tables=["Missing"],
    fields=["MIS_START", "MIS_END"],
    tags=["missing", "dates"],
)
def missing_period_ends_before_start(ctx: RuleContext) -> pl.LazyFrame:
    """A period when the child was missing or away from placement ends before it starts.

    Check the start and end dates of the period and correct whichever was mistyped; a period may
    start and end on the same day.
    """
    # Ending the same day is fine. Blank or unreadable dates are not compared.
    return ctx.table("Missing").filter(pl.col("MIS_END") < pl.col("MIS_START"))


CASES = [
    Case(
        "an end the day or a year before the start is flagged; the same day or after is not",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "10/05/2024", "09/05/2024"],
                ["2", "10/05/2024", "10/05/2024"],
                ["3", "10/05/2024", "11/05/2024"],
                ["8", "10/05/2024", "10/05/2023"],
                ["10", "10/05/2024", "11/06/2023"],
            ),
        },
        flagged={"Missing": [0, 3, 4]},
    ),
    Case(
        "each of a child's periods is checked on its own",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["9", "01/01/2024", "09/05/2024"],
                ["9", "10/05/2024", "09/05/2024"],
            ),
        },
        flagged={"Missing": [1]},
    ),
    Case(
        "a blank or unreadable date is not compared",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["4", "10/05/2024", ""],
                ["5", "", "09/05/2024"],
                ["6", "31/02/2024", "09/02/2024"],
                ["7", "10/05/2024", "2024-05-09"],
            ),
        },
    ),
]
