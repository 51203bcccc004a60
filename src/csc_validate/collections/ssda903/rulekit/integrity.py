"""The internal integrity checks DfE runs on every table (INT codes): one child, one Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.context import RuleContext


def missing_from_header(ctx: RuleContext, table: str) -> pl.LazyFrame:
    """Rows of `table` whose CHILD has no Header record (a blank CHILD matches none)."""
    children = ctx.table("Header").select("CHILD")
    return ctx.table(table).join(children, on="CHILD", how="anti")


def birth_date_differs_from_header(ctx: RuleContext, table: str) -> pl.LazyFrame:
    """Rows of `table` whose DOB differs from the child's Header DOB.

    Readable dates are compared as dates; otherwise the text is, so a blank beside a Header date
    differs while two identical blanks or typos do not (rule 102 reports those). Children absent
    from Header are left to `missing_from_header`.
    """
    births = ctx.table("Header").select(
        "CHILD",
        pl.col("DOB").alias("header_dob"),
        pl.col(raw_name("DOB")).alias("header_text"),
    )
    both_dates = pl.col("DOB").is_not_null() & pl.col("header_dob").is_not_null()
    differs = (
        pl.when(both_dates)
        .then(pl.col("DOB") != pl.col("header_dob"))
        .otherwise(pl.col(raw_name("DOB")).ne_missing(pl.col("header_text")))
    )
    return ctx.table(table).join(births, on="CHILD", how="inner").filter(differs)


def repeated_children(ctx: RuleContext, table: str) -> pl.LazyFrame:
    """Every row of a CHILD that appears more than once; blank ids are not one child."""
    child = pl.col("CHILD")
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): a count over the CHILD window
    # includes the row itself, so it is never below 1 and `!= 1` means `> 1`.
    return ctx.table(table).filter(child.is_not_null() & (pl.len().over(child_of_row()) > 1))
