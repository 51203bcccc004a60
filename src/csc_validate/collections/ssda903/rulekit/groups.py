"""Rows flagged together as one set (a spell too long, a child's records repeated): each names
the others, so that a caseworker sees the whole set from any one of its rows."""

import polars as pl

from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE

# The most rows of one set that are named beside each of its rows. A file that repeats one child
# or UPN on thousands of rows then gives a finding per row naming the first rows of the set, not
# millions of pairs; every set of a real return is far smaller.
NAMED_AT_MOST = 20


def naming_each_other(frame: pl.LazyFrame, *keys: str) -> pl.LazyFrame:
    """Each row of `frame` once beside every other row holding the same `keys`, that row's `_row`
    as the related row; a row alone in its set is kept once, naming none. Of a set of more than
    NAMED_AT_MOST rows, only the first NAMED_AT_MOST in the file are named.

    The rows flagged stay exactly those of `frame`. Keys are never blank: a rule keeps blank-ID
    children apart by giving the child's key as `child_of_row()` makes it.
    """
    named = first_of_each(frame, *keys).select(*keys, pl.col("_row").alias(RELATED_ROW))
    # Equivalent mutant (ReplaceKeywordValue): every set's first row is named, so every row meets
    # a named row (its keys are never blank) and an inner join keeps every row as the left does.
    paired = frame.join(named, on=list(keys), how="left")
    other = pl.col(RELATED_ROW)
    return paired.with_columns(pl.when(other != pl.col("_row")).then(other).alias(RELATED_ROW))


def first_of_each(frame: pl.LazyFrame, *keys: str) -> pl.LazyFrame:
    """The first NAMED_AT_MOST rows in the file of each set of rows holding the same `keys`: the
    rows a rule names beside another, at most that many for any one row."""
    return frame.filter(pl.col("_row").rank("ordinal").over(list(keys)) <= NAMED_AT_MOST)


def naming_at_most_first(frame: pl.LazyFrame) -> pl.LazyFrame:
    """`frame` with the related rows each of its rows names cut to the first NAMED_AT_MOST in the
    file. For rules whose every row names a row of one table (found by an inner join): a row
    naming none would be dropped."""
    related = pl.col(RELATED_ROW)
    return frame.filter(related.rank("ordinal").over("_row") <= NAMED_AT_MOST)


def pairs_naming_each_other(
    pairs: pl.LazyFrame, table: str, other: str, other_row: str
) -> dict[str, pl.LazyFrame]:
    """Both rows of each pair flagged, each naming the other: `pairs` holds a row of `table`
    (its `_row`) beside a row of `other` (its row number in column `other_row`)."""
    return {
        table: naming_at_most_first(
            pairs.with_columns(
                pl.col(other_row).alias(RELATED_ROW), pl.lit(other).alias(RELATED_TABLE)
            )
        ),
        other: naming_at_most_first(
            pairs.select(
                pl.col(other_row).alias("_row"),
                pl.col("_row").alias(RELATED_ROW),
                pl.lit(table).alias(RELATED_TABLE),
            )
        ),
    }
