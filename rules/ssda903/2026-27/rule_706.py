"""Rule 706: a DoLO open at the end of last year does not continue this year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="706",
    message=(
        "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded"
        " at the start of this year.."
    ),
    tables=["DoLo", "DoLo_last"],
    fields=["DOLO_START"],
    tags=["dolo", "previous-year"],
)
def open_dolo_not_carried_over(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A deprivation of liberty order open at the end of last year is not carried on this year.

    An order still in force at 31 March last year is recorded again this year with the same start
    date (and its end date if it has ended): add it, or check its start date against last year's
    return.
    """
    # Provisional: DfE's own 2026-27 text could not be found; what follows is DfE's coding as
    # the peer quotes it.
    # DfE: if last year's last DoLO has a start and no end, a DoLO must be present this year and the
    # first one's DOLO_START must be the same. The latest order last year is the one with the latest
    # DOLO_START. This year's first order is flagged when it starts on another date; when the child
    # has no order this year, last year's open order is flagged, as there is nothing else to point
    # at. The rule needs last year's table.
    last_year = ctx.table("DoLo_last").filter(pl.col("DOLO_START").is_not_null())
    latest = last_year.sort(in_order("DOLO_START", "DOLO_END")).group_by(child_of_row()).last()
    still_open = latest.filter(pl.col(raw_name("DOLO_END")).is_null())
    this_year = ctx.table("DoLo").filter(pl.col("DOLO_START").is_not_null())
    first = this_year.sort(in_order("DOLO_START", "DOLO_END")).group_by(child_of_row()).first()
    # This year's first order names last year's open one it was compared with; last year's open
    # order with nothing this year has nothing to name.
    carried = still_open.select(
        "CHILD",
        pl.col("DOLO_START").alias("open_start"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit(f"DoLo{PREVIOUS_SUFFIX}").alias(RELATED_TABLE),
    )
    return {
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no open order
        # last year a null open_start, and the comparison with null drops the row, as inner does.
        "DoLo": first.join(carried, on="CHILD", how="inner").filter(
            pl.col("DOLO_START") != pl.col("open_start")
        ),
        "DoLo_last": still_open.join(first.select("CHILD"), on="CHILD", how="anti"),
    }


CASES = [
    Case(
        "an order open last year must start this year's orders",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "20/03/2026", "05/04/2026"],
                ["1", "01/05/2026", ""],
                ["2", "21/03/2026", "05/04/2026"],
                ["3", "01/05/2026", ""],
                ["5", "01/06/2026", ""],
            ),
            "DoLo_last": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "20/03/2026", ""],
                ["2", "20/03/2026", ""],
                ["3", "20/03/2026", "25/03/2026"],
                ["4", "20/03/2026", ""],
                ["5", "01/01/2026", ""],
                ["5", "02/02/2026", "03/02/2026"],
            ),
        },
        flagged={"DoLo": [2], "DoLo_last": [3]},
        related=(("DoLo", 2, "DoLo_last", 1),),
    ),
    Case(
        "a first order a day either side of last year's open start is flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "19/03/2026", ""],
                ["2", "31/02/2026", ""],
                ["2", "20/03/2026", ""],
                ["3", "01/05/2026", ""],
                ["4", "01/02/2026", ""],
                ["5", "01/05/2026", ""],
                ["5", "21/03/2026", ""],
            ),
            "DoLo_last": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "20/03/2026", ""],
                ["2", "20/03/2026", ""],
                ["3", "20/03/2026", "31/02/2026"],
                ["4", "01/01/2026", ""],
                ["4", "01/02/2026", ""],
                ["5", "20/03/2026", ""],
                ["6", "20/03/2026", "2026-03-25"],
            ),
        },
        flagged={"DoLo": [0, 6]},
        related=(("DoLo", 0, "DoLo_last", 0), ("DoLo", 6, "DoLo_last", 5)),
    ),
]
