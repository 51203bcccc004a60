"""Rule 701: DoLO end date is not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="701",
    message="The end date of the DoLO is not a valid date.",
    tables=["DoLo"],
    fields=["DOLO_END"],
    tags=["dolo", "dates"],
)
def dolo_end_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The end date of a deprivation of liberty order (DoLO) is not a real date.

    Correct the date the order ended (DOLO_END) as dd/mm/yyyy; leave it blank only while the order
    is still in force.
    """
    # A blank end means the order is still in force, so only unreadable text is flagged.
    return ctx.table("DoLo").filter(unreadable("DOLO_END"))


CASES = [
    Case(
        "unreadable end dates are flagged; blanks are not",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_END"],
                ["1", "01/05/2026"],
                ["2", ""],
                ["3", "31/04/2026"],
                ["4", "1/5/2026"],
            )
        },
        flagged={"DoLo": [2, 3]},
    ),
    Case(
        "ISO dates and 29 February outside a leap year are flagged; a real leap day is not",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_END"],
                ["1", "2026-05-01"],
                ["1", "01/05/2026"],
                ["2", "29/02/2028"],
                ["3", "29/02/2027"],
                ["3", ""],
            )
        },
        flagged={"DoLo": [0, 3]},
    ),
]
