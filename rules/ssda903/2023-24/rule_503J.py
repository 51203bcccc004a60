"""Rule 503J: inside or outside the council differs from last year's open episode."""

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
    code="503J",
    message=(
        "The placement location in first episode does not match open episode at end of last year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["PL_POST", "HOME_POST"],
    tags=["postcodes", "previous year"],
    needs=["--la"],
)
def first_episode_location_differs(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode and last year's open one differ on being inside the council's area.

    Only children whose last episode in last year's return had no end date are checked. A child
    who stays in the same placement keeps the same postcodes.
    """
    pairs = placement_beside_open_episode(ctx, "PL_LOCATION")
    return pairs.filter(pl.col("PL_LOCATION").ne_missing(pl.col("last_PL_LOCATION")))


CASES = [
    PlacementCase(
        "a child in the same placement as last year, in the council or out, is not flagged",
        CASE_STAYING_PUT,
    ),
    PlacementCase(
        "moving into or out of the council is flagged; from one other LA to another is not",
        CASE_MOVES,
        flagged=[0, 2, 4, 5],
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
        "moving out of the council is flagged whatever the reason for new episode",
        CASE_NEW_REASON,
        flagged=[0, 1],
    ),
]
