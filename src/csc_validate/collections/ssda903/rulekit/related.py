"""Naming, beside each offending row, the rows of another table it was compared with."""

import polars as pl

from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE


def beside(rows: pl.LazyFrame, others: pl.LazyFrame, table: str, on: str = "CHILD") -> pl.LazyFrame:
    """`rows`, each with every row of `others` (rows of `table`) sharing its `on` as a related row.

    A left join: a row with no such row in `others` stays, with no related row, so the rows a
    rule flags never change. A blank `on` matches nothing, so blank-ID children stay apart.
    """
    named = others.select(on, pl.col("_row").alias(RELATED_ROW)).unique()
    # Equivalent mutant (ReplaceKeywordValue): every caller passes only rows that share their `on`
    # with a row of `others`, so an inner join keeps what the left join keeps; the left join stays
    # so that no caller can lose a flagged row.
    return rows.join(named, on=on, how="left").with_columns(pl.lit(table).alias(RELATED_TABLE))
