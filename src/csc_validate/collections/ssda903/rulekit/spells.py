"""Unbroken spells of one legal status across a child's episodes, for the duration rules 361-364."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.episodes import with_neighbours
from csc_validate.collections.ssda903.rulekit.groups import naming_each_other
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.dates import days_between


def legal_status_spell_days(
    episodes: pl.LazyFrame, statuses: list[str], open_until: dt.date
) -> pl.LazyFrame:
    """Episodes whose LS is in `statuses`, each with `spell_days`: the length of its spell.

    A spell is a run of such episodes, each starting on the day the previous one ended (a
    placement move under the same order). An open episode (blank DEC) counts as running to
    `open_until`; an unreadable DEC leaves the length unknown. Episodes without a readable
    DECOM are left out: their length cannot be known. `_spell` numbers the child's spells.
    """
    held = episodes.filter(
        pl.col("LS").is_in(statuses).fill_null(False) & pl.col("DECOM").is_not_null()
    )
    still_open = pl.col(raw_name("DEC")).is_null()
    held = held.with_columns(
        _until=pl.when(still_open).then(pl.lit(open_until, dtype=pl.Date)).otherwise(pl.col("DEC"))
    )
    chained = with_neighbours(held, ["_until"])
    starts_spell = (pl.col("DECOM") != pl.col("prev__until")).fill_null(True)
    numbered = chained.with_columns(
        _spell=starts_spell.cast(pl.Int32).cum_sum().over(child_of_row())
    )
    spell_start = pl.col("DECOM").min().over(child_of_row(), "_spell")
    spell_end = pl.col("_until").max().over(child_of_row(), "_spell")
    return numbered.with_columns(spell_days=days_between(spell_start, spell_end)).drop(
        "_until", "prev__until", "next__until"
    )


def naming_spell_mates(episodes: pl.LazyFrame) -> pl.LazyFrame:
    """Episodes of `legal_status_spell_days`, each beside the other episodes of its spell that
    are among them (a spell is flagged whole, so all of them)."""
    return naming_each_other(episodes.with_columns(_child=child_of_row()), "_child", "_spell")
