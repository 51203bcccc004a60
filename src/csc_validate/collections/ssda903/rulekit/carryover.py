"""This year's first episode beside the episode left open at the end of last year (452, 453,
502, 503A-J)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.cases import table
from csc_validate.rulekit.context import RuleContext

# Ties on DECOM are broken by source order, as everywhere else in the rule kit.
_IN_ORDER = pl.col("_row").sort_by(["DECOM", "_row"])


def first_after_open_episode(
    episodes: pl.LazyFrame,
    episodes_last: pl.LazyFrame,
    columns: list[str],
    *,
    same_reason: bool = False,
) -> pl.LazyFrame:
    """Each child's first episode this year whose last episode last year had no end date.

    The previous year's values of `columns` are added as `last_<column>`. Only episodes with a
    readable DECOM can be ordered, so others are left out on both sides (rule 141 reports
    them). Last year's episode counts as open only when DEC is
    blank: an unreadable DEC was still given. With `same_reason`, only children whose first
    episode has the same RNE as last year's open one are kept (the same placement carried over).
    """
    dated = episodes.filter(pl.col("DECOM").is_not_null())
    first = dated.filter(pl.col("_row") == _IN_ORDER.first().over("CHILD"))
    dated_last = episodes_last.filter(pl.col("DECOM").is_not_null())
    is_last = pl.col("_row") == _IN_ORDER.last().over("CHILD")
    last = dated_last.filter(is_last & pl.col(raw_name("DEC")).is_null())
    compared = list(dict.fromkeys([*columns, "RNE"])) if same_reason else columns
    previous = last.select("CHILD", *[pl.col(c).alias(f"last_{c}") for c in compared])
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


# For the cases of the rules comparing placements with last year's (452, 453, 503H, 503J): one
# pair of tables per situation, with the postcodes of CASE_POSTCODES (W1A and SW1A are in the
# council, M1 in Manchester, LS1 in Leeds). Each rule's cases say which rows it flags.
_LAST_COLUMNS = ["CHILD", "DECOM", "DEC", "RNE", "PL_POST", "HOME_POST"]
_COLUMNS = ["CHILD", "DECOM", "RNE", "PL_POST", "HOME_POST"]

# Child 1 stays put in the council, 11 outside it.
CASE_STAYING_PUT = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["1", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["11", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["1", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["11", "01/01/2024", "S", "M1 1AA", "W1A 1AA"],
    ),
}
# Child 2 starts this year in another LA (row 0) and comes back (row 1); 3 was in another LA last
# year (row 2); 12's episodes are listed out of date order, the first is in another LA (row 4);
# 13's open episode last year, listed first, was in another LA (row 5); 21 moves from one other
# LA to another (row 6).
CASE_MOVES = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["2", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["3", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
        ["12", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["13", "01/06/2023", "", "S", "M1 1AA", "W1A 1AA"],
        ["13", "01/01/2023", "01/06/2023", "S", "W1A 1AA", "W1A 1AA"],
        ["21", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["2", "01/01/2024", "S", "M1 1AA", "W1A 1AA"],
        ["2", "01/06/2024", "P", "W1A 1AA", "W1A 1AA"],
        ["3", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["12", "01/06/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["12", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["13", "01/04/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["21", "01/01/2024", "S", "LS1 1AA", "W1A 1AA"],
    ),
}
# Every child here starts this year in another LA, but none had an open episode last year:
# 4's ended, 14's ended on an unreadable date (still a date given), 15's last episode ended
# though an earlier one was left open, and 7 is new to care.
CASE_NOT_OPEN = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["4", "01/01/2024", "01/03/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["14", "01/01/2024", "31/02/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["15", "01/06/2023", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["15", "01/01/2023", "", "S", "W1A 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["4", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["7", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["14", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
        ["15", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
    ),
}
# Child 16's episode with an unreadable start (in another LA) cannot be ordered, so the readable
# one, in the same placement as last year, is the first; 22's only episode last year has an
# unreadable start, so there is nothing to compare with.
CASE_UNREADABLE_START = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["16", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["22", "31/02/2024", "", "S", "M1 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["16", "32/01/2024", "S", "M1 1AA", "W1A 1AA"],
        ["16", "01/02/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["22", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
    ),
}
# Child 5's placement postcode was blank last year and 17's not in the directory (row 0, 1);
# 18's is blank in both years (row 2).
CASE_UNKNOWN_POSTCODE = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["5", "01/01/2024", "", "S", "", "W1A 1AA"],
        ["17", "01/01/2024", "", "S", "ZZ9 9ZZ", "W1A 1AA"],
        ["18", "01/01/2024", "", "S", "", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["5", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["17", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
        ["18", "01/01/2024", "S", "", "W1A 1AA"],
    ),
}
# Children 6, 8 and 9 move 1.0, 0.1 and 0.2 miles within the council.
CASE_MOVES_WITHIN_COUNCIL = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["6", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["8", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["9", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["6", "01/01/2024", "S", "SW1A 1AA", "W1A 1AA"],
        ["8", "01/01/2024", "S", "SW1A 2AA", "W1A 1AA"],
        ["9", "01/01/2024", "S", "SW1A 3AA", "W1A 1AA"],
    ),
}
# Child 10 moves to another LA with a new reason for new episode (P, row 0); 19 with the same
# reason as last year (S, row 1).
CASE_NEW_REASON = {
    "Episodes_last": table(
        _LAST_COLUMNS,
        ["10", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
        ["19", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
    ),
    "Episodes": table(
        _COLUMNS,
        ["10", "01/04/2024", "P", "M1 1AA", "W1A 1AA"],
        ["19", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
    ),
}
