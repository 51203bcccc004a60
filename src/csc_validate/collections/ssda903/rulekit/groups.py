"""Rows flagged together as one set (a spell too long, a child's records repeated): each names
the others, so that a caseworker sees the whole set from any one of its rows."""

import polars as pl

from csc_validate.rulekit.rule import RELATED_ROW


def naming_each_other(frame: pl.LazyFrame, *keys: str) -> pl.LazyFrame:
    """Each row of `frame` once beside every other row holding the same `keys`, that row's `_row`
    as the related row; a row alone in its set is kept once, naming none.

    The rows flagged stay exactly those of `frame`. Keys are never blank: a rule keeps blank-ID
    children apart by giving the child's key as `child_of_row()` makes it.
    """
    others = frame.select(*keys, pl.col("_row").alias(RELATED_ROW))
    # Equivalent mutant (ReplaceKeywordValue): every row meets itself (its keys are never blank),
    # so an inner join keeps every row as the left join does.
    paired = frame.join(others, on=list(keys), how="left")
    other = pl.col(RELATED_ROW)
    return paired.with_columns(pl.when(other != pl.col("_row")).then(other).alias(RELATED_ROW))
