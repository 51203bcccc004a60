"""Rule 503G: the placement distance differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import (
    distance_differs,
    placement_beside_open_episode,
)
from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="503G",
    message="The distance in first episode does not match open episode at end of last year.",
    tables=["Episodes", "Episodes_last"],
    fields=["PL_POST", "HOME_POST"],
    tags=["postcodes", "previous year"],
    needs=["--la"],
)
def first_episode_distance_differs(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's distance from home differs from last year's open episode.

    A difference of 0.2 miles or more is flagged. Only children whose last episode in last
    year's return had no end date are checked. A child who stays in the same placement keeps the
    same postcodes.
    """
    pairs = placement_beside_open_episode(ctx, "PL_DISTANCE")
    return pairs.filter(distance_differs())


CASES = [
    Case(
        "a distance 0.2 miles or more from last year's open episode is flagged; 0.1 is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE", "PL_POST", "HOME_POST"],
                ["2", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
                ["3", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
                ["6", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
                ["8", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
                ["9", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PL_POST", "HOME_POST"],
                ["2", "01/01/2024", "S", "M1 1AA", "W1A 1AA"],
                ["2", "01/06/2024", "P", "W1A 1AA", "W1A 1AA"],
                ["3", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
                ["6", "01/01/2024", "S", "SW1A 1AA", "W1A 1AA"],
                ["8", "01/01/2024", "S", "SW1A 2AA", "W1A 1AA"],
                ["9", "01/01/2024", "S", "SW1A 3AA", "W1A 1AA"],
            ),
        },
        flagged={"Episodes": [0, 2, 3, 5]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "the same distance as last year's open episode is not flagged, near or far",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE", "PL_POST", "HOME_POST"],
                ["1", "01/01/2024", "", "S", "W1A 1AA", "W1A 1AA"],
                ["10", "01/01/2024", "", "S", "M1 1AA", "W1A 1AA"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PL_POST", "HOME_POST"],
                ["1", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
                ["10", "01/01/2024", "S", "M1 1AA", "W1A 1AA"],
            ),
        },
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a distance known in one year only is flagged; unknown in both years is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE", "PL_POST", "HOME_POST"],
                ["5", "01/01/2024", "", "S", "", "W1A 1AA"],
                ["11", "01/01/2024", "", "S", "SW1A 1AA", "W1A 1AA"],
                ["12", "01/01/2024", "", "S", "", "W1A 1AA"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PL_POST", "HOME_POST"],
                ["5", "01/01/2024", "S", "W1A 1AA", "W1A 1AA"],
                ["11", "01/01/2024", "S", "", "W1A 1AA"],
                ["12", "01/01/2024", "S", "", "W1A 1AA"],
            ),
        },
        flagged={"Episodes": [0, 1]},
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a child whose episode last year had ended, or who had none, is not compared",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE", "PL_POST", "HOME_POST"],
                ["4", "01/01/2024", "01/03/2024", "S", "W1A 1AA", "W1A 1AA"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "PL_POST", "HOME_POST"],
                ["4", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
                ["7", "01/04/2024", "S", "M1 1AA", "W1A 1AA"],
            ),
        },
        period="2024-25",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
