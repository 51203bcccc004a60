"""Rule 452: the placement LA differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import placement_beside_open_episode
from csc_validate.collections.ssda903.rulekit.case_tables import (
    CASE_MOVES,
    CASE_MOVES_WITHIN_COUNCIL,
    CASE_NEW_REASON,
    CASE_NOT_OPEN,
    CASE_STAYING_PUT,
    CASE_UNKNOWN_POSTCODE,
    CASE_UNREADABLE_START,
    PlacementCase,
)
from csc_validate.rulekit import RuleContext, rule


@rule(
    code="452",
    message=(
        "Contradiction between local authority of placement code in the last episode of the "
        "previous year and in the first episode of the current year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["PL_POST", "HOME_POST"],
    tags=["postcodes", "previous year"],
    needs=["--la"],
)
def placement_la_differs_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's placement LA differs from last year's open episode.

    Only children whose last episode in last year's return had no end date, and whose first
    episode this year has the same reason for new episode, are checked. A child who stays in the
    same placement keeps the same postcodes.
    """
    # As the peer reads DfE: only pairs with the same RNE (same placement carried over).
    pairs = placement_beside_open_episode(ctx, "PL_LA", same_reason=True)
    return pairs.filter(pl.col("PL_LA").ne_missing(pl.col("last_PL_LA")))


CASES = [
    PlacementCase(
        "a child in the same placement as last year, in the council or out, is not flagged",
        CASE_STAYING_PUT,
    ),
    PlacementCase(
        "a first episode, by start date, in another LA than last year's open one is flagged",
        CASE_MOVES,
        flagged=[0, 2, 4, 5, 6],
    ),
    PlacementCase(
        "a child whose last episode last year ended, even on an unreadable date, is not compared",
        CASE_NOT_OPEN,
    ),
    PlacementCase(
        "an episode with an unreadable start is left out when finding the first and last",
        CASE_UNREADABLE_START,
    ),
    PlacementCase(
        "a placement postcode blank or unknown in one year only is flagged; in both, it is not",
        CASE_UNKNOWN_POSTCODE,
        flagged=[0, 1],
    ),
    PlacementCase(
        "a move within the council is not flagged, however far", CASE_MOVES_WITHIN_COUNCIL
    ),
    PlacementCase(
        "a first episode with a new reason for new episode is not compared",
        CASE_NEW_REASON,
        flagged=[1],
    ),
]
