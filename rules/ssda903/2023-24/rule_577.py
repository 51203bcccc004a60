"""Rule 577: a child left care while a missing or away period is still open."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order, periods_of_care
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


@rule(
    code="577",
    message=(
        "Child ceased to be looked after but there is a missing/away from placement without"
        " authorisation period without an end date."
    ),
    tables=["Missing", "Episodes"],
    fields=["MIS_END"],
    tags=["missing"],
)
def open_missing_period_after_care_ceased(ctx: RuleContext) -> pl.LazyFrame:
    """A child stopped being looked after while a missing or away period is still open.

    Once care ends, the missing or away period ends too: enter the date it ended, or check the dates
    of the child's episodes.
    """
    # An open missing period is fine only when it started during a period of care that has not
    # ended; it is flagged when the child has ceased to be looked after (some period of care has an
    # end) and no open period of care had begun by MIS_START. Blank or unreadable starts are rule
    # 564's.
    # NOTE: an unreadable DECOM fails stage 1 (141); the peer takes it as care ended.
    # NOTE: the peer also flags a period that has an end date but lies outside care; DfE's message
    # is about a period without an end date (MIS_END).
    last_in_period = pl.col("_row").sort_by(in_order("DECOM", "DEC")).last()
    periods = (
        periods_of_care(ctx)
        .select(
            "CHILD",
            "period_start",
            "period_end",
            last_in_period.over(child_of_row(), "period").alias("_period_last_row"),
        )
        .unique()
    )
    # The episode that ended the child's latest ended period of care is named beside the finding.
    # A blank CHILD is grouped here but joins no row below.
    ceased = (
        periods.filter(pl.col("period_end").is_not_null())
        .group_by("CHILD")
        .agg(
            pl.col("_period_last_row")
            .sort_by("period_end", "_period_last_row")
            .last()
            .alias(RELATED_ROW)
        )
    )
    open_missing = (
        ctx.table("Missing")
        .filter(pl.col(raw_name("MIS_END")).is_null() & pl.col("MIS_START").is_not_null())
        .join(ceased, on="CHILD", how="inner")
        .with_columns(pl.lit("Episodes").alias(RELATED_TABLE))
    )
    covered = (
        open_missing.select("_row", "CHILD", "MIS_START")
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no open period
        # of care a blank period_start, and a comparison with a blank is dropped, as the inner
        # join drops it.
        .join(periods.filter(pl.col("period_end").is_null()), on="CHILD", how="inner")
        .filter(pl.col("period_start") <= pl.col("MIS_START"))
        .select("_row")
    )
    return open_missing.join(covered, on="_row", how="anti")


CASES = [
    Case(
        "a missing period still open once care has ended is flagged; closed ones are not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "01/04/2024", "S", "20/04/2024"],
                ["1", "20/04/2024", "P", "10/05/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["1", "01/05/2024", ""],
                ["1", "02/05/2024", "03/05/2024"],
                ["1", "20/05/2024", ""],
                ["1", "21/05/2024", "31/02/2024"],
                ["1", "2024-05-21", ""],
            ),
        },
        flagged={"Missing": [0, 2]},
        # The period of two episodes is named by the one that ended it.
        related=(("Missing", 0, "Episodes", 1), ("Missing", 2, "Episodes", 1)),
    ),
    Case(
        "an open period starting the day before care began again is flagged; on that day, not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["2", "01/04/2024", "S", "10/05/2024"],
                ["2", "01/07/2024", "S", ""],
                ["3", "01/04/2024", "S", "10/05/2024"],
                ["3", "01/07/2024", "S", ""],
                ["6", "01/01/2024", "S", "01/02/2024"],
                ["6", "01/03/2024", "S", "01/04/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"],
                ["2", "01/05/2024", ""],
                ["3", "01/07/2024", ""],
                ["3", "30/06/2024", ""],
                ["3", "02/07/2024", ""],
                ["6", "15/04/2024", ""],
            ),
        },
        flagged={"Missing": [0, 2, 4]},
        # Of two ended periods of care, the later one's end is named.
        related=(
            ("Missing", 0, "Episodes", 0),
            ("Missing", 2, "Episodes", 2),
            ("Missing", 4, "Episodes", 5),
        ),
    ),
    Case(
        "a child still in care, or with no episodes, is not checked",
        tables={
            "Episodes": table(["CHILD", "DECOM", "RNE", "DEC"], ["4", "01/04/2024", "S", ""]),
            "Missing": table(
                ["CHILD", "MIS_START", "MIS_END"], ["4", "01/05/2024", ""], ["5", "01/05/2024", ""]
            ),
        },
    ),
]
