"""Rule 705: a DoLO starts while an earlier one is still open."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit.overlaps import overlapping_earlier
from csc_validate.rulekit import Case, RuleContext, by_content, raw_name, rule, table

# An order with a blank end is in force indefinitely.
OPEN_END = dt.date(9999, 12, 31)


@rule(
    code="705",
    message="A DoLO cannot start when the previous DoLO is still open.",
    tables=["DoLo"],
    fields=["DOLO_START", "DOLO_END"],
    tags=["dolo", "dates"],
)
def dolo_starts_while_earlier_open(ctx: RuleContext) -> pl.LazyFrame:
    """A deprivation of liberty order (DoLO) starts before the child's earlier order has ended.

    Each order starts on or after the day the previous one ended: enter the end date of the earlier
    order, or correct the dates.
    """
    # Provisional: DfE's own 2026-27 text could not be found; what follows is DfE's coding as
    # the peer quotes it.
    # DfE: a DoLO starts on or after the previous one's start, and the previous one's end cannot be
    # blank. An earlier order ending after the new start is also still open then, so overlaps are
    # flagged (the later order of the pair); starting on the day the previous one ended is fine.
    # Every earlier order counts, not only the one just before. An unreadable end is taken as the
    # order's start (rule 701 reports it); orders without a readable start are not ordered.
    end = (
        pl.when(pl.col(raw_name("DOLO_END")).is_null())
        .then(pl.lit(OPEN_END))
        .otherwise(pl.col("DOLO_END").fill_null(pl.col("DOLO_START")))
    )
    ordered = ctx.table("DoLo").filter(pl.col("DOLO_START").is_not_null())
    # Of two starting the same day the one ending first comes first; then content, never file order.
    ordered = ordered.sort("CHILD", "DOLO_START", end, by_content())
    # Each earlier order it overlaps is named beside it.
    return overlapping_earlier(ordered, "DOLO_START", end)


CASES = [
    Case(
        "an order starting while an earlier one is open or not yet ended is flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "01/05/2026", "10/05/2026"],
                ["1", "10/05/2026", "12/06/2026"],
                ["1", "11/06/2026", ""],
                ["2", "01/05/2026", ""],
                ["2", "01/06/2026", "02/06/2026"],
                ["3", "01/05/2026", "31/05/2026"],
                ["3", "05/05/2026", "06/05/2026"],
                ["3", "20/05/2026", "21/05/2026"],
                ["4", "", ""],
                ["4", "01/05/2026", ""],
            )
        },
        flagged={"DoLo": [2, 4, 6, 7]},
        related=(
            ("DoLo", 2, "DoLo", 1),
            ("DoLo", 4, "DoLo", 3),
            ("DoLo", 6, "DoLo", 5),
            ("DoLo", 7, "DoLo", 5),
        ),
    ),
    Case(
        "a start the day after the earlier end is fine, the day before is not",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "01/05/2026", "10/05/2026"],
                ["1", "11/05/2026", ""],
                ["2", "01/05/2026", "10/05/2026"],
                ["2", "09/05/2026", "12/05/2026"],
                ["3", "01/05/2026", "31/04/2026"],
                ["3", "02/05/2026", ""],
                ["4", "01/05/2026", "2026-05-10"],
                ["4", "01/05/2026", "03/05/2026"],
                ["5", "15/06/2026", "20/06/2026"],
                ["5", "01/05/2026", "30/06/2026"],
                ["6", "31/02/2026", ""],
                ["6", "01/05/2026", "02/05/2026"],
            )
        },
        flagged={"DoLo": [3, 8]},
        related=(("DoLo", 3, "DoLo", 2), ("DoLo", 8, "DoLo", 9)),
    ),
    Case(
        "an open order is open for ever: a start placeholder of 30/12/9999 after it is flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "01/05/2026", ""],
                ["1", "30/12/9999", ""],
            )
        },
        flagged={"DoLo": [1]},
    ),
]
