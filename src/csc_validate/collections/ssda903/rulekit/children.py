"""Which child an SSDA903 row belongs to, for rules that group or compare a child's rows.

A row's child is its CHILD. A row with a blank CHILD belongs to no child that other rows share:
two rows with a blank CHILD are never one child's rows, in a window, a group or a join (polars
puts every null key in one group, so grouping by CHILD itself would merge them). The rules on a
missing CHILD report the blank itself.
"""

import polars as pl

CHILD = "CHILD"


def child_of_row(column: str = CHILD) -> pl.Expr:
    """The row's CHILD, or where it is blank a key of the row's own that no filled-in CHILD can
    equal; named `column`, so that a group by it keeps the column's name. Needs `_row`."""
    own = pl.format("blank {} on row {}", pl.lit(column), pl.col("_row"))
    return pl.coalesce(pl.col(column), own).alias(column)


__all__ = ["CHILD", "child_of_row"]
