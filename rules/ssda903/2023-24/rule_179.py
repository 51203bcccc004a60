"""Rule 179: the placement cannot be placed inside or outside the council's area."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
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
    short_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    return episodes.filter(~short_break.fill_null(False) & pl.col("PL_LOCATION").is_null())


CASES = [
    Case(
        "a blank or unknown placement postcode gives no location and is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["3", "C2", ""],
                ["5", "C2", "NOT A PC"],
            )
        },
        flagged={"Episodes": [0, 1]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "known postcodes inside and outside the council's area are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["1", "C2", "W1A 1AA"],
                ["2", "C2", "M1 1AA"],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "short breaks are not checked, but a blank legal status is not a short break",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["4", "V4", ""],
                ["6", "V3", "NOT A PC"],
                ["7", "", ""],
            )
        },
        flagged={"Episodes": [2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
