"""This year's first episode beside the episode left open at the end of last year (502, 503A-F)."""

import polars as pl

from csc_validate.readers.casting import raw_name

# Ties on DECOM are broken by source order, as everywhere else in the rule kit.
_IN_ORDER = pl.col("_row").sort_by(["DECOM", "_row"])


def first_after_open_episode(
    episodes: pl.LazyFrame, episodes_last: pl.LazyFrame, columns: list[str]
) -> pl.LazyFrame:
    """Each child's first episode this year whose last episode last year had no end date.

    The previous year's values of `columns` are added as `last_<column>`. Only episodes with a
    readable DECOM can be ordered, so others are left out on both sides (rule 141 reports
    them). Last year's episode counts as open only when DEC is
    blank: an unreadable DEC was still given.
    """
    dated = episodes.filter(pl.col("DECOM").is_not_null())
    first = dated.filter(pl.col("_row") == _IN_ORDER.first().over("CHILD"))
    dated_last = episodes_last.filter(pl.col("DECOM").is_not_null())
    is_last = pl.col("_row") == _IN_ORDER.last().over("CHILD")
    last = dated_last.filter(is_last & pl.col(raw_name("DEC")).is_null())
    previous = last.select("CHILD", *[pl.col(c).alias(f"last_{c}") for c in columns])
    return first.join(previous, on="CHILD", how="inner")
