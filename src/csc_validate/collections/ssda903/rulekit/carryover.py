"""This year's first episode beside the episode left open at the end of last year (452, 453,
502, 503A-J)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.episodes import in_order
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE
from csc_validate.tables import PREVIOUS_SUFFIX

# A child's episodes in order: by start, then end (blank last: an open episode is the later of
# two starting that day), then content, never file order.
_IN_ORDER = pl.col("_row").sort_by(in_order("DECOM", "DEC"))


def first_after_open_episode(
    episodes: pl.LazyFrame,
    episodes_last: pl.LazyFrame,
    columns: list[str],
    *,
    same_reason: bool = False,
) -> pl.LazyFrame:
    """Each child's first episode this year whose last episode last year had no end date.

    The previous year's values of `columns` are added as `last_<column>`, and its row as the
    related row. Only episodes with a
    readable DECOM can be ordered, so others are left out on both sides (rule 141 reports
    them). Last year's episode counts as open only when DEC is
    blank: an unreadable DEC was still given. With `same_reason`, only children whose first
    episode has the same RNE as last year's open one are kept (the same placement carried over).
    """
    first, last = _first_episodes(episodes), _open_last_episodes(episodes_last)
    return _paired(first, last, columns, same_reason)


def carried_over(ctx: RuleContext, columns: list[str]) -> pl.LazyFrame:
    """`first_after_open_episode` over the return's episodes and last year's; each child's first
    episode this year and last open one last year are built once for all the rules of a run."""
    first, last = ctx.derived(_first_this_year), ctx.derived(_open_last_year)
    return _paired(first, last, columns, same_reason=False)


def _first_this_year(ctx: RuleContext) -> pl.LazyFrame:
    return _first_episodes(ctx.table("Episodes"))


def _open_last_year(ctx: RuleContext) -> pl.LazyFrame:
    return _open_last_episodes(ctx.table("Episodes_last"))


def _first_episodes(episodes: pl.LazyFrame) -> pl.LazyFrame:
    dated = episodes.filter(pl.col("DECOM").is_not_null())
    return dated.filter(pl.col("_row") == _IN_ORDER.first().over(child_of_row()))


def _open_last_episodes(episodes_last: pl.LazyFrame) -> pl.LazyFrame:
    dated_last = episodes_last.filter(pl.col("DECOM").is_not_null())
    is_last = pl.col("_row") == _IN_ORDER.last().over(child_of_row())
    return dated_last.filter(is_last & pl.col(raw_name("DEC")).is_null())


def _paired(
    first: pl.LazyFrame, last: pl.LazyFrame, columns: list[str], same_reason: bool
) -> pl.LazyFrame:
    compared = list(dict.fromkeys([*columns, "RNE"])) if same_reason else columns
    # Last year's open episode is the row each finding is compared with.
    previous = last.select(
        "CHILD",
        *[pl.col(c).alias(f"last_{c}") for c in compared],
        pl.col("_row").alias(RELATED_ROW),
        pl.lit(f"Episodes{PREVIOUS_SUFFIX}").alias(RELATED_TABLE),
    )
    pairs = first.join(previous, on="CHILD", how="inner")
    if same_reason:
        pairs = pairs.filter(pl.col("RNE").eq_missing(pl.col("last_RNE")))
    return pairs


def placement_beside_open_episode(
    ctx: RuleContext, column: str, *, same_reason: bool = False
) -> pl.LazyFrame:
    """This year's first episodes after an open one, as `first_after_open_episode`, with both
    years' placement geography (`column` is PL_LA, PL_LOCATION or PL_DISTANCE; last year's is
    `last_<column>`)."""
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    episodes_last = with_placement_geography(ctx, ctx.table("Episodes_last"))
    return first_after_open_episode(episodes, episodes_last, [column], same_reason=same_reason)


def distance_differs() -> pl.Expr:
    """True where PL_DISTANCE and last year's differ by 0.2 miles or more, or only one is known."""
    # Distances are rounded to 0.1 mile, so a difference under 0.2 is rounding, not a move.
    distance, last = pl.col("PL_DISTANCE"), pl.col("last_PL_DISTANCE")
    return (
        # Equivalent mutant (NumberReplacer): the fill is used only where a distance is blank, and
        # a fill of 0 or -1 is below 0.2 either way.
        ((distance - last).abs().fill_null(0) >= 0.2)
        # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): where one distance is blank the
        # difference is blank and filled with 0, so the two tests are never true together.
        | (distance.is_null() != last.is_null())
    )
