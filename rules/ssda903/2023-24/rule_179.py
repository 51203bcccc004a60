"""Rule 179: the placement cannot be placed inside or outside the council's area."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.geography import (
    CASE_COUNCIL,
    CASE_POSTCODES,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="179",
    message="Placement location code is not a valid code.",
    tables=["Episodes"],
    fields=["PL_POST", "LS"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_location_unknown(ctx: RuleContext) -> pl.LazyFrame:
    """Placement postcode blank or unknown: inside or outside the council's area is not known.

    Short breaks (legal status V3 or V4) are not checked.
    """
    # PL_LOCATION is IN when PL_LA is the council given with --la, else OUT; it is blank
    # exactly when PL_LA is (so 179 and 169 flag the same episodes, as in DfE's derivation).
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    short_break = pl.col("LS").is_in(["V3", "V4"])
    return episodes.filter(~short_break.fill_null(False) & pl.col("PL_LOCATION").is_null())


CASES = [
    Case(
        "no location is flagged for a blank or unknown postcode, except for short breaks",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["1", "C2", "W1A 1AA"],
                ["2", "C2", "M1 1AA"],
                ["3", "C2", ""],
                ["4", "V4", ""],
                ["5", "C2", "NOT A PC"],
            )
        },
        flagged={"Episodes": [2, 4]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
