"""A child's records that start before an earlier one has ended (574, 579, 705)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit.rule import RELATED_ROW


def overlapping_earlier(ordered: pl.LazyFrame, start: str, end: pl.Expr) -> pl.LazyFrame:
    """Each record of `ordered` (each child's records in order) that starts before an earlier
    record of the child ends, once beside each such earlier record, named as the related row.

    `end` says when a record ends for the comparison (an open one far in the future). Every
    earlier record counts, not only the one just before; starting on the day one ends is fine.
    Rows with a blank CHILD are never paired.
    """
    ranked = ordered.with_columns(
        end.alias("_end"), pl.int_range(pl.len()).over(child_of_row()).alias("_position")
    )
    earlier = ranked.select(
        "CHILD",
        pl.col("_position").alias("_earlier_position"),
        pl.col("_end").alias("_earlier_end"),
        pl.col("_row").alias(RELATED_ROW),
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join adds only rows with a blank CHILD,
    # whose earlier position is blank, so the filter drops them as the inner join does.
    return ranked.join(earlier, on="CHILD", how="inner").filter(
        (pl.col("_earlier_position") < pl.col("_position"))
        & (pl.col(start) < pl.col("_earlier_end"))
    )
