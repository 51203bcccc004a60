"""A table's rows from this year's return and every earlier one given, each with the row a
finding can name beside it (this year's or last year's)."""

import polars as pl

from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE
from csc_validate.tables import PREVIOUS_SUFFIX


def every_year_named(ctx: RuleContext, name: str, columns: list[str]) -> pl.LazyFrame:
    """`columns` of table `name` this year, last year (when given) and in the returns before it,
    with `_related_row` and `_related_table` naming each row of this year's or last year's table.

    A row of a return from before last year cannot be shown to the user, so it is read but
    named by no row (both related columns blank).
    """

    def named(frame: pl.LazyFrame, table: str | None) -> pl.LazyFrame:
        return frame.select(
            *columns,
            (pl.col("_row") if table else pl.lit(None, pl.Int64)).alias(RELATED_ROW),
            pl.lit(table, pl.String).alias(RELATED_TABLE),
        )

    last = name + PREVIOUS_SUFFIX
    return pl.concat(
        [
            named(ctx.table(name), name),
            named(ctx.table_or_empty(last), last),
            *[named(frame, None) for frame in ctx.earlier(name)],
        ],
        # Each year's file is read with that year's schema, so a type may differ.
        how="vertical_relaxed",
    )
