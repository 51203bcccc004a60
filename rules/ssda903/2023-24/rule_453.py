"""Rule 453: the placement distance differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import (
    CASE_EPISODES,
    CASE_EPISODES_LAST,
    distance_differs,
    placement_beside_open_episode,
)
from csc_validate.collections.ssda903.rulekit.geography import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.rulekit import Case, RuleContext, rule


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
    Case(
        "the first episode is compared with last year's open episode",
        tables={"Episodes_last": CASE_EPISODES_LAST, "Episodes": CASE_EPISODES},
        flagged={"Episodes": [1, 3, 5, 6, 9]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
