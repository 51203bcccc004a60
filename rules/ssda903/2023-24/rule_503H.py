"""Rule 503H: the placement LA differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import (
    CASE_EPISODES,
    CASE_EPISODES_LAST,
    placement_beside_open_episode,
)
from csc_validate.collections.ssda903.rulekit.geography import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.rulekit import Case, RuleContext, rule


@rule(
    code="503H",
    message="The placement LA in first episode does not match open episode at end of last year.",
    tables=["Episodes", "Episodes_last"],
    fields=["PL_POST", "HOME_POST"],
    tags=["postcodes", "previous year"],
    needs=["--la"],
)
def first_episode_la_differs(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's placement LA differs from last year's open episode.

    Only children whose last episode in last year's return had no end date are checked. A child
    who stays in the same placement keeps the same postcodes.
    """
    pairs = placement_beside_open_episode(ctx, "PL_LA")
    return pairs.filter(pl.col("PL_LA").ne_missing(pl.col("last_PL_LA")))


CASES = [
    Case(
        "the first episode is compared with last year's open episode",
        tables={"Episodes_last": CASE_EPISODES_LAST, "Episodes": CASE_EPISODES},
        flagged={"Episodes": [1, 3, 5, 10]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
