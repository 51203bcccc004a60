"""Helpers CIN census rules share: yes/no items, episodes, children and the census year.

Every CIN table carries LAchildID and ChildKey, the child the record belongs to (its Child
element in the XML; see collections/cin/child_keys.py); tables below a CIN episode carry
CINdetailsID too, and child protection plans and their reviews CPPID, numbered as the XML lists
them. Rules join and group by CHILD_KEY, never by LAchildID: a blank or repeated LAchildID is
data, reported by rules 8500 and 8510, and never merges two children or parts one child. Below
the child, they join and group by the keys of EPISODE, ASSESSMENT and PLAN, never by the IDs:
in a CSV extract a record with a blank ID is one of its own, tied to no other (child_keys.py).
"""

from collections.abc import Sequence

import polars as pl

from csc_validate.collections.cin.child_keys import UNTIED
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, RuleContext, by_content

CHILD = "LAchildID"
CHILD_KEY = "ChildKey"
EPISODE = [CHILD_KEY, "EpisodeKey"]
PLAN = [*EPISODE, "PlanKey"]
ASSESSMENT = [*EPISODE, "AssessmentKey"]


def untied(key: Sequence[str] = (CHILD_KEY,)) -> pl.Expr:
    """True for a record of a CSV extract with a blank ID in `key` (its LAchildID by default;
    EPISODE, ASSESSMENT or PLAN for the IDs below it): nothing ties it to the other records of
    its child (episode, assessment, plan), so a rule cannot tell what it has or lacks elsewhere."""
    return pl.any_horizontal(pl.col(column).str.starts_with(UNTIED) for column in key)


def yes(column: str, ctx: RuleContext) -> pl.Expr:
    """True where a yes/no item says yes (`true` or `1`); null when blank."""
    return pl.col(column).is_in(ctx.codes("BOOLEAN_TRUE")).and_(pl.col(column).is_not_null())


def no(column: str, ctx: RuleContext) -> pl.Expr:
    """True where a yes/no item says no (`false` or `0`); null when blank."""
    return pl.col(column).is_in(ctx.codes("BOOLEAN_FALSE")).and_(pl.col(column).is_not_null())


def in_census_year(column: str, ctx: RuleContext) -> pl.Expr:
    """True where the date falls in the census year (1 April to the reference date, 31 March,
    both included); null when the date is blank or unreadable."""
    return pl.col(column).is_between(
        pl.lit(ctx.start, dtype=pl.Date), pl.lit(ctx.end, dtype=pl.Date), closed="both"
    )


def is_weekend(column: str) -> pl.Expr:
    """True on a Saturday or a Sunday; null when the date is blank or unreadable."""
    return pl.col(column).dt.weekday() >= 6


def _named(table: str, name_it: bool) -> list[pl.Expr]:
    """The joined row's `_row` as the related row of `table`, or nothing."""
    if not name_it:
        return []
    return [pl.col("_row").alias(RELATED_ROW), pl.lit(table).alias(RELATED_TABLE)]


def with_episode(
    frame: pl.LazyFrame, ctx: RuleContext, columns: list[str], *, name_it: bool = False
) -> pl.LazyFrame:
    """Add the named CINdetails columns of each row's CIN episode (null where there is none).

    Columns keep their names; a row whose episode is listed twice (a duplicated child) is
    matched once, with one listing chosen by what it holds (never by the order of the rows), so
    that no row is repeated. With `name_it`, the episode's row is added as the related row, for
    rules whose finding compares a row with its episode.
    """
    episodes = (
        ctx.table("CINdetails")
        .sort(by_content())
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the
        # rows kept, and the order of `episodes` is lost in the join.
        .unique(subset=EPISODE, keep="first", maintain_order=True)
        .select(*EPISODE, *columns, *_named("CINdetails", name_it))
    )
    # Equivalent mutant (ReplaceKeywordValue): every rule using this compares a joined column in
    # its filter, and a row with no episode gets null there, which the filter drops as an inner
    # join would.
    return frame.join(episodes, on=EPISODE, how="left")


def with_child(
    frame: pl.LazyFrame, ctx: RuleContext, columns: list[str], *, name_it: bool = False
) -> pl.LazyFrame:
    """Add the named ChildIdentifiers columns of each row's child (null where there is none);
    a child listed twice is matched with one listing chosen by what it holds, never by the
    order of the rows. With `name_it`, the child's ChildIdentifiers row is added as the
    related row."""
    children = (
        ctx.table("ChildIdentifiers")
        .sort(by_content())
        # Equivalent mutant (ReplaceTrueWithFalse): maintain_order sets only the order of the
        # rows kept, and the order of `children` is lost in the join.
        .unique(subset=[CHILD_KEY], keep="first", maintain_order=True)
        .select(CHILD_KEY, *columns, *_named("ChildIdentifiers", name_it))
    )
    return frame.join(children, on=CHILD_KEY, how="left")


def rows_paired(
    frame: pl.LazyFrame,
    pairs: pl.LazyFrame,
    columns: tuple[str, str],
    other_table: str | None = None,
) -> pl.LazyFrame:
    """The rows of `frame` whose `_row` appears in the first of `columns` of `pairs`, once for
    each row named beside it in the second, which becomes the related row (of `other_table`
    when the pair spans two tables)."""
    row, other = columns
    named = pairs.select(pl.col(row).alias("_row"), pl.col(other).alias(RELATED_ROW))
    if other_table is not None:
        named = named.with_columns(pl.lit(other_table).alias(RELATED_TABLE))
    return frame.join(named, on="_row", how="inner")


def with_each_other(frame: pl.LazyFrame, on: list[str]) -> pl.LazyFrame:
    """The rows of `frame` that share the `on` values with another row, once for each such
    row, which is named as the related row: repeats and clashes name one another. A blank
    value matches nothing (the keys of CHILD_KEY, EPISODE, ASSESSMENT and PLAN are never
    blank; a blank in another column, such as a code, is no match)."""
    keyed = frame.select(*on, "_row")
    pairs = keyed.join(keyed.rename({"_row": "_other_row"}), on=on).filter(
        pl.col("_row") != pl.col("_other_row")
    )
    return rows_paired(frame, pairs, ("_row", "_other_row"))


__all__ = [
    "ASSESSMENT",
    "CHILD",
    "CHILD_KEY",
    "EPISODE",
    "PLAN",
    "in_census_year",
    "is_weekend",
    "no",
    "rows_paired",
    "untied",
    "with_child",
    "with_each_other",
    "with_episode",
    "yes",
]
