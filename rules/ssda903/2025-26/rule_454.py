"""Rule 454: the placement is more than 350 miles from home."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="454",
    message="Placement distance from home is over 350 miles.",
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_over_350_miles(ctx: RuleContext) -> pl.LazyFrame:
    """The distance from home to placement is over 350 miles.

    Check the home and placement postcodes. 999.9, DfE's code for a distance it does not report,
    is not flagged.
    """
    # DfE 2025-26: if PL_DISTANCE is present and not 999.9 then it should be <= 350.
    distance = pl.col("PL_DISTANCE")
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    return episodes.filter((distance > 350) & (distance != 999.9))


CASES = [
    Case(
        "more than 350.0 miles is flagged; exactly 350.0 or less is not",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["1", "W1A 1AA", "LS1 1AA"],
                ["2", "W1A 1AA", "LS1 1AB"],
                ["3", "W1A 1AA", "M1 1AA"],
            ),
        },
        flagged={"Episodes": [1]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "999.9, DfE's code for a distance it does not report, is not flagged; 1000.0 is",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["4", "W1A 1AA", "CF10 1AB"],
                ["5", "W1A 1AA", "CF10 1AA"],
            ),
        },
        flagged={"Episodes": [1]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a blank home postcode gives no distance and is not flagged",
        tables={
            "Episodes": table(["CHILD", "HOME_POST", "PL_POST"], ["6", "", "CF10 1AA"]),
        },
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
