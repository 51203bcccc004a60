"""Deprivation of liberty orders beside the placements they overlap (rules 709 and 710)."""

import polars as pl

from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE


def episodes_during_ended_orders(
    ctx: RuleContext, episodes: pl.LazyFrame
) -> dict[str, pl.LazyFrame]:
    """The ended DoLOs and the given episodes that run during them, both as rows to blame, each
    naming the other as its related row.

    DfE's coding applies when the DoLO has both a start and an end, so open orders are not
    checked. An episode runs from its DECOM up to the day before its DEC (on the day it ends
    the next one has begun); the order from its start to its end inclusive.
    """
    orders = ctx.table("DoLo").filter(
        pl.col("DOLO_START").is_not_null() & pl.col("DOLO_END").is_not_null()
    )
    overlaps = orders.join(
        episodes.select(pl.col("_row").alias("_episode_row"), "CHILD", "DECOM", "DEC"),
        on="CHILD",
        # Equivalent mutant (ReplaceKeywordValue): a left join only adds orders with a null DECOM,
        # and the filter's `DECOM <= DOLO_END` is then null, so it drops them.
        how="inner",
    ).filter(
        (pl.col("DECOM") <= pl.col("DOLO_END"))
        & (pl.col("DEC").is_null() | (pl.col("DOLO_START") < pl.col("DEC")))
    )
    return {
        "DoLo": overlaps.select(
            "_row",
            pl.col("_episode_row").alias(RELATED_ROW),
            pl.lit("Episodes").alias(RELATED_TABLE),
        ),
        "Episodes": overlaps.select(
            pl.col("_episode_row").alias("_row"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("DoLo").alias(RELATED_TABLE),
        ),
    }
