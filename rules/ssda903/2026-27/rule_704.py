"""Rule 704: a DoLO ends outside the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="704",
    message=(
        "The date that the DoLO ended is before the start or after the end of the collection year."
    ),
    tables=["DoLo"],
    fields=["DOLO_END"],
    tags=["dolo", "dates"],
)
def dolo_ends_outside_year(ctx: RuleContext) -> pl.LazyFrame:
    """A deprivation of liberty order (DoLO) ended before 1 April or after 31 March of the year.

    Check the order's end date: an order that ended before 1 April belongs to an earlier return, and
    an order still in force has its end date left blank.
    """
    # A blank end means the order is still in force and is not flagged.
    end = pl.col("DOLO_END")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no date is both before the year's
    # start and after its end, and a blank end makes both sides null, so | and ^ agree.
    return ctx.table("DoLo").filter((end < ctx.start) | (end > ctx.end))


CASES = [
    Case(
        "ends on 31 March before the year or 1 April after it are flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_END"],
                ["1", "31/03/2026"],
                ["2", "01/04/2026"],
                ["3", "31/03/2027"],
                ["4", "01/04/2027"],
                ["5", ""],
            )
        },
        flagged={"DoLo": [0, 3]},
        period="2026-27",
    ),
    Case(
        "ends a day inside the year are not flagged, nor unreadable ends; far outside are",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_END"],
                ["1", "02/04/2026"],
                ["1", "30/03/2027"],
                ["2", "31/04/2026"],
                ["3", "2027-04-05"],
                ["4", "01/01/2020"],
                ["4", "01/01/2030"],
            )
        },
        flagged={"DoLo": [4, 5]},
        period="2026-27",
    ),
]
