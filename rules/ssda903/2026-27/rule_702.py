"""Rule 702: a DoLO ends before it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="702",
    message="The date that the DoLO ended is before the date that it started.",
    tables=["DoLo"],
    fields=["DOLO_START", "DOLO_END"],
    tags=["dolo", "dates"],
)
def dolo_ends_before_start(ctx: RuleContext) -> pl.LazyFrame:
    """A deprivation of liberty order (DoLO) ends before it starts.

    Check the order's start and end dates and correct whichever was mistyped; an order may end on
    the day it started.
    """
    # NOTE: DfE's message says "before", so an order ending on its start day is not flagged (the
    # peer also flags that day). Blank or unreadable dates are not compared.
    return ctx.table("DoLo").filter(pl.col("DOLO_END") < pl.col("DOLO_START"))


CASES = [
    Case(
        "an end the day before the start is flagged; the same day is not",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "10/05/2026", "09/05/2026"],
                ["2", "10/05/2026", "10/05/2026"],
                ["3", "10/05/2026", "11/05/2026"],
                ["4", "10/05/2026", ""],
                ["5", "", "09/05/2026"],
            )
        },
        flagged={"DoLo": [0]},
    ),
    Case(
        "an end a year earlier is flagged; unreadable dates on either side are not compared",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "10/05/2026", "10/05/2025"],
                ["1", "10/05/2026", "11/06/2026"],
                ["2", "31/02/2026", "09/01/2026"],
                ["3", "10/05/2026", "2026-05-09"],
                ["4", "10/05/2026", "31/04/2026"],
                ["5", "", ""],
                ["6", "01/01/2027", "31/12/2026"],
            )
        },
        flagged={"DoLo": [0, 6]},
    ),
]
