"""Everything a rule author imports: the decorator, the context, cases, and shared expressions."""

import polars as pl

from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.cases import Case, table
from csc_validate.rulekit.context import MissingTableError, RuleContext
from csc_validate.rulekit.dates import age_on, birthday, days_between, years_before
from csc_validate.rulekit.ordering import by_content
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE, Rule, rule
from csc_validate.rulekit.workdays import (
    england_bank_holidays,
    is_working_day,
    working_days_after,
    working_days_before,
    working_days_between,
)
from csc_validate.rulekit.years import from_year


def unreadable(column: str) -> pl.Expr:
    """True where the cell has text that could not be read as the column's type (a bad date)."""
    return pl.col(column).is_null() & pl.col(raw_name(column)).is_not_null()


def whole_table_when(condition: pl.Expr, frame: pl.LazyFrame) -> pl.LazyFrame:
    """One finding about the table as a whole (row None) when `condition`, an aggregate over
    `frame` such as `pl.col("Disability").n_unique() < 8`, is true: for return-level queries."""
    flag = frame.select(condition.alias("_flag")).filter(pl.col("_flag"))
    # NOTE: with_columns, not select: a lone literal would make one row even of an empty frame.
    return flag.with_columns(pl.lit(None, dtype=pl.Int64).alias("_row")).select("_row")


def not_in_codes(column: str, codes: list[str]) -> pl.Expr:
    """True where the value is filled in but not in the code list (blanks are not flagged)."""
    return pl.col(column).is_not_null() & ~pl.col(column).is_in(codes)


__all__ = [
    "RELATED_ROW",
    "RELATED_TABLE",
    "Case",
    "MissingTableError",
    "Rule",
    "RuleContext",
    "age_on",
    "birthday",
    "by_content",
    "days_between",
    "england_bank_holidays",
    "from_year",
    "is_working_day",
    "not_in_codes",
    "raw_name",
    "rule",
    "table",
    "unreadable",
    "working_days_after",
    "working_days_before",
    "working_days_between",
    "years_before",
]
