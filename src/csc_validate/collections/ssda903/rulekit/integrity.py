"""The internal integrity checks DfE runs on every table (INT codes): one child, one Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.groups import naming_each_other
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE


def missing_from_header(ctx: RuleContext, table: str) -> pl.LazyFrame:
    """Rows of `table` whose CHILD has no Header record (a blank CHILD matches none)."""
    children = ctx.table("Header").select("CHILD")
    return ctx.table(table).join(children, on="CHILD", how="anti")


def dates_of_birth_differ(dob: str, other: str) -> pl.Expr:
    """True where the dates of birth in columns `dob` and `other` disagree.

    Readable dates are compared as dates; otherwise the text is, so a blank or unreadable date
    beside a different one disagrees, while the same text twice agrees.
    """
    # NOTE: one policy for every rule comparing two dates of birth (203, INT11-INT18): an
    # unreadable date is compared as written, never skipped. DfE's messages speak of a DOB that
    # "is different" or "disagrees", with no exception for one that cannot be read, and a typo
    # beside a good date is a real disagreement to fix; the unreadable date itself is also
    # rule 102's (or CSC001's), and two identical typos are left to those rules alone.
    both_dates = pl.col(dob).is_not_null() & pl.col(other).is_not_null()
    return (
        pl.when(both_dates)
        .then(pl.col(dob) != pl.col(other))
        .otherwise(pl.col(raw_name(dob)).ne_missing(pl.col(raw_name(other))))
    )


def birth_date_differs_from_header(ctx: RuleContext, table: str) -> pl.LazyFrame:
    """Rows of `table` whose DOB differs from the child's Header DOB, as `dates_of_birth_differ`
    compares them, each naming that Header row. Children absent from Header are left to
    `missing_from_header`."""
    births = ctx.table("Header").select(
        "CHILD",
        pl.col("DOB").alias("header_dob"),
        pl.col(raw_name("DOB")).alias(raw_name("header_dob")),
        pl.col("_row").alias(RELATED_ROW),
    )
    joined = ctx.table(table).join(births, on="CHILD", how="inner")
    return joined.filter(dates_of_birth_differ("DOB", "header_dob")).with_columns(
        pl.lit("Header").alias(RELATED_TABLE)
    )


def repeated_children(ctx: RuleContext, table: str) -> pl.LazyFrame:
    """Every row of a CHILD that appears more than once, each naming the child's other rows;
    blank ids are not one child."""
    child = pl.col("CHILD")
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): a count over the CHILD window
    # includes the row itself, so it is never below 1 and `!= 1` means `> 1`.
    repeated = ctx.table(table).filter(child.is_not_null() & (pl.len().over(child_of_row()) > 1))
    return naming_each_other(repeated, "CHILD")
