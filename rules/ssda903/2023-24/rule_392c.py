"""Rule 392c: a home or placement postcode is not a known postcode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="392c",
    message="Postcode(s) provided are invalid.",
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST"],
    tags=["postcodes"],
    needs=["--la"],
)
def postcode_unknown(ctx: RuleContext) -> pl.LazyFrame:
    """A home or placement postcode is not in the ONS Postcode Directory.

    Spaces and capital letters do not matter; blank postcodes are not flagged here.
    """
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    home_unknown = pl.col("HOME_POST").is_not_null() & ~pl.col("HOME_FOUND")
    placement_unknown = pl.col("PL_POST").is_not_null() & ~pl.col("PL_FOUND")
    return episodes.filter(home_unknown | placement_unknown)


CASES = [
    Case(
        "a home or placement postcode not in the directory, or not a postcode, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["2", "W1A 9ZZ", "SW1A 1AA"],
                ["3", "W1A 1AA", "SW1A 9ZZ"],
                ["6", "invalid", "invalid"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "known postcodes, however spaced or cased, and blanks are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "HOME_POST", "PL_POST"],
                ["1", "W1A 1AA", "SW1A 1AA"],
                ["4", "", ""],
                ["5", "w1a1aa", " sw1a 1aa"],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
