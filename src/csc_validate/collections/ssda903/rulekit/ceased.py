"""Records still open after the child stopped being looked after (577 for missing periods, 707
for DoLOs): DfE applies the one test to both."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.episodes import in_order, periods_of_care
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE


def open_after_care_ceased(ctx: RuleContext, table: str, start: str, end: str) -> pl.LazyFrame:
    """Rows of `table` with a `start` and no `end` whose child has ceased to be looked after
    (some period of care has an end) while no open period of care had begun by `start`; each
    names the episode that ended the child's latest ended period of care.

    Blank or unreadable starts are other rules' (564, 700).
    """
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
    still_open = (
        ctx.table(table)
        .filter(pl.col(raw_name(end)).is_null() & pl.col(start).is_not_null())
        .join(ceased, on="CHILD", how="inner")
        .with_columns(pl.lit("Episodes").alias(RELATED_TABLE))
    )
    covered = (
        still_open.select("_row", "CHILD", start)
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no open period
        # of care a blank period_start, and a comparison with a blank is dropped, as the inner
        # join drops it.
        .join(periods.filter(pl.col("period_end").is_null()), on="CHILD", how="inner")
        .filter(pl.col("period_start") <= pl.col(start))
        .select("_row")
    )
    return still_open.join(covered, on="_row", how="anti")
