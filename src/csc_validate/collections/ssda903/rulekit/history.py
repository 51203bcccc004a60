"""A table's rows from this year's return and every earlier one given, each with the row a
finding can name beside it (this year's or last year's)."""

import polars as pl

from csc_validate.periods import previous_year
from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE
from csc_validate.tables import PREVIOUS_SUFFIX


def every_year_named(
    ctx: RuleContext, name: str, columns: list[str], history: pl.LazyFrame
) -> pl.LazyFrame:
    """`columns` of table `name` this year and of `history` (the rule's `ctx.history(name)`),
    with `_related_row` and `_related_table` naming each row of this year's or last year's table.

    A row of a return from before last year cannot be shown to the user, so it is read but
    named by no row (both related columns blank).
    """
    this_year = ctx.table(name).select(
        *columns, pl.col("_row").alias(RELATED_ROW), pl.lit(name).alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): the history holds last year and the
    # years before it only, so no year in it is later than last year.
    last_year = pl.col("_year") == previous_year(ctx.period.year)
    earlier = history.select(
        *columns,
        pl.when(last_year).then(pl.col("_row")).alias(RELATED_ROW),
        pl.when(last_year).then(pl.lit(name + PREVIOUS_SUFFIX)).alias(RELATED_TABLE),
    )
    # Each year's file is read with that year's schema, so a type may differ.
    return pl.concat([this_year, earlier], how="vertical_relaxed")
