"""Rule 453: the placement distance differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import (
    distance_differs,
    placement_beside_open_episode,
)
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
    code="453",
    message=(
        "Contradiction between placement distance in the last episode of the previous year "
        "and in the first episode of the current year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["PL_POST", "HOME_POST"],
    tags=["postcodes", "previous year"],
    needs=["--la"],
)
def placement_distance_differs_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's distance from home differs from last year's open episode.

    A difference of 0.2 miles or more is flagged. Only children whose last episode in last
    year's return had no end date, and whose first episode this year has the same reason for new
    episode, are checked. A child who stays in the same placement keeps the same postcodes.
    """
    pairs = placement_beside_open_episode(ctx, "PL_DISTANCE", same_reason=True)
    return pairs.filter(distance_differs())


CASES = [
    PlacementCase(
        "a child in the same placement as last year, in the council or out, is not flagged",
        CASE_STAYING_PUT,
    ),
    PlacementCase(
        "a first episode, by start date, at another distance than last year's open one is flagged",
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
        "a move of 0.2 miles or more is flagged; 0.1 miles is rounding, not a move",
        CASE_MOVES_WITHIN_COUNCIL,
        flagged=[0, 2],
    ),
    PlacementCase(
        "a first episode with a new reason for new episode is not compared",
        CASE_NEW_REASON,
        flagged=[1],
    ),
]
