"""Rule 703: a DoLO starts after the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="703",
    message="The date that the DoLO started is after the end of the collection year.",
    tables=["DoLo"],
    fields=["DOLO_START"],
    tags=["dolo", "dates"],
)
def dolo_starts_after_year(ctx: RuleContext) -> pl.LazyFrame:
    """A deprivation of liberty order (DoLO) starts after the end of the collection year (31 March).

    Check the order's start date: an order that starts after 31 March belongs in next year's return.
    """
    # Blank or unreadable start dates are rule 700's.
    return ctx.table("DoLo").filter(pl.col("DOLO_START") > ctx.end)


CASES = [
    Case(
        "a start on 1 April after the year is flagged; 31 March is not",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START"],
                ["1", "31/03/2027"],
                ["2", "01/04/2027"],
                ["3", "01/04/2026"],
                ["4", ""],
            )
        },
        flagged={"DoLo": [1]},
        period="2026-27",
    ),
    Case(
        "the day before the year ends and unreadable starts are not flagged; a later year is",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START"],
                ["1", "30/03/2027"],
                ["2", "02/04/2027"],
                ["2", "01/05/2026"],
                ["3", "31/04/2027"],
                ["4", "2027-04-02"],
                ["5", "01/01/2028"],
                ["6", "31/03/2026"],
            )
        },
        flagged={"DoLo": [1, 5]},
        period="2026-27",
    ),
]
