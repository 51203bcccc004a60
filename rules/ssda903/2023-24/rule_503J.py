"""Rule 503J: inside or outside the council differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import placement_beside_open_episode
from csc_validate.collections.ssda903.rulekit.case_tables import (
    CASE_COUNCIL,
    CASE_MOVES,
    CASE_MOVES_WITHIN_COUNCIL,
    CASE_NEW_REASON,
    CASE_NOT_OPEN,
    CASE_POSTCODES,
    CASE_STAYING_PUT,
    CASE_UNKNOWN_POSTCODE,
    CASE_UNREADABLE_START,
)
from csc_validate.rulekit import Case, RuleContext, rule


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
    Case(
        "a child in the same placement as last year, in the council or out, is not flagged",
        tables=CASE_STAYING_PUT,
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "moving into or out of the council is flagged; from one other LA to another is not",
        tables=CASE_MOVES,
        flagged={"Episodes": [0, 2, 4, 5]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a child whose last episode last year ended, even on an unreadable date, is not compared",
        tables=CASE_NOT_OPEN,
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "an episode with an unreadable start is left out when finding the first and last",
        tables=CASE_UNREADABLE_START,
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a placement postcode blank or unknown in one year only is flagged; in both, it is not",
        tables=CASE_UNKNOWN_POSTCODE,
        flagged={"Episodes": [0, 1]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a move within the council is not flagged, however far",
        tables=CASE_MOVES_WITHIN_COUNCIL,
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "moving out of the council is flagged whatever the reason for new episode",
        tables=CASE_NEW_REASON,
        flagged={"Episodes": [0, 1]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
