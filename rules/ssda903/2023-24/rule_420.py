"""Rule 420: a placement postcode that gives an LA for a short break."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="420",
    message="LA of placement completed but child is looked after under legal status V3 or V4.",
    tables=["Episodes"],
    fields=["PL_POST", "LS"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_la_for_short_break(ctx: RuleContext) -> pl.LazyFrame:
    """A short break (legal status V3 or V4) has a placement postcode that gives an LA.

    DfE expects no placement postcode for short breaks.
    """
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    short_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    return episodes.filter(short_break & pl.col("PL_LA").is_not_null())


CASES = [
    Case(
        "a short break with a known placement postcode is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["2", "V3", "W1A 1AA"],
                ["3", "V4", "CF10 1AA"],
            )
        },
        flagged={"Episodes": [0, 1]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a short break with a blank or unknown postcode, or another status, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["1", "C2", "W1A 1AA"],
                ["4", "V3", ""],
                ["5", "V4", "XX9 9XX"],
                ["6", "", "W1A 1AA"],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
