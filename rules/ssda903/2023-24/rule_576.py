"""Rule 576: a missing period open at the end of last year does not continue this year."""

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
    code="576",
    message=(
        "There is an open missing/away from placement without authorisation period in last"
        " year’s return and there is no corresponding period recorded at the start of this year."
    ),
    tables=["Missing", "Missing_last"],
    fields=["CHILD"],
    tags=["missing", "previous-year"],
)
def open_missing_period_not_carried_over(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A missing or away period still open at the end of last year is not carried on this year.

    A period open at 31 March last year runs on into this year: record it again with the same start
    date (and its end date if it has ended), or check the dates against last year's return.
    """
    # An open period runs on into the new year and is reported again: when a child's latest missing
    # period last year was open, this year's first period is the same period (same MIS_START). This
    # year's first period is flagged when it starts on another date; when the child has no period
    # this year, last year's open period is flagged, as there is nothing else to point at. The rule
    # needs last year's table.
    last_year = ctx.table("Missing_last").filter(pl.col("MIS_START").is_not_null())
    latest = last_year.sort(in_order("MIS_START", "MIS_END")).group_by(child_of_row()).last()
    still_open = latest.filter(pl.col(raw_name("MIS_END")).is_null())
    this_year = ctx.table("Missing").filter(pl.col("MIS_START").is_not_null())
    first = this_year.sort(in_order("MIS_START", "MIS_END")).group_by(child_of_row()).first()
    # This year's first period names last year's open one it was compared with; last year's open
    # period with nothing this year has nothing to name.
    carried = still_open.select(
        "CHILD",
        pl.col("MIS_START").alias("open_start"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit(f"Missing{PREVIOUS_SUFFIX}").alias(RELATED_TABLE),
    )
    return {
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no open period
        # last year a blank open_start, and a comparison with a blank is dropped, as the inner
        # join drops it.
        "Missing": first.join(carried, on="CHILD", how="inner").filter(
            pl.col("MIS_START") != pl.col("open_start")
        ),
        "Missing_last": still_open.join(first.select("CHILD"), on="CHILD", how="anti"),
    }


CASES = [
    Case(
        "a first period on last year's open period's start is fine; a day off is flagged",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "20/03/2025", "05/04/2025"],
                ["1", "01/05/2025", ""],
                ["2", "21/03/2025", "05/04/2025"],
                ["6", "19/03/2025", "20/03/2025"],
                ["6", "20/03/2025", ""],
                ["10", "01/05/2025", ""],
                ["10", "20/03/2025", "01/04/2025"],
            ),
            "Missing_last": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "20/03/2025", ""],
                ["2", "20/03/2025", ""],
                ["6", "20/03/2025", ""],
                ["10", "20/03/2025", ""],
                ["10", "01/01/2025", "02/01/2025"],
            ),
        },
        flagged={"Missing": [2, 3]},
        related=(("Missing", 2, "Missing_last", 1), ("Missing", 3, "Missing_last", 2)),
    ),
    Case(
        "last year's open period is flagged when the child has no period this year",
        tables={
            "Missing": table(["CHILD", "MIS_START", "MIS_END"]),
            "Missing_last": table(["CHILD", "MIS_START", "MIS_END"], ["4", "20/03/2025", ""]),
        },
        flagged={"Missing_last": [0]},
    ),
    Case(
        "a child whose latest period last year had ended, even unreadably, is not compared",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"], ["3", "01/05/2025", ""], ["5", "01/06/2025", ""]
            ),
            "Missing_last": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["3", "20/03/2025", "25/03/2025"],
                ["5", "01/01/2025", ""],
                ["5", "02/02/2025", "03/02/2025"],
                ["7", "20/03/2025", "31/02/2025"],
            ),
        },
    ),
    Case(
        "unreadable starts are passed over in both years",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["8", "01/01/2025", "05/04/2025"],
                ["9", "2025-03-20", ""],
                ["9", "20/03/2025", "05/04/2025"],
            ),
            "Missing_last": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["8", "01/01/2025", ""],
                ["8", "2025-03-20", "25/03/2025"],
                ["9", "20/03/2025", ""],
            ),
        },
    ),
]
