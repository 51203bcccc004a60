"""Rule 218: no Ofsted URN for a placement in England that needs one."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    OUTSIDE_ENGLAND,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="218",
    message="Ofsted Unique reference number (URN) is required.",
    tables=["Episodes"],
    fields=["URN", "PLACE", "PL_POST", "DEC"],
    tags=["urn", "postcodes"],
    needs=["--la"],
)
def urn_missing(ctx: RuleContext) -> pl.LazyFrame:
    """An episode open in the year has no Ofsted URN, though the placement needs one.

    Placements with parents, in the community, temporary placements and placements outside
    England (from the placement postcode) need no URN. Give the placement's Ofsted URN, or
    XXXXXXX where Ofsted does not register the placement.
    """
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    in_year = pl.col("DEC").is_null() | (pl.col("DEC") >= ctx.start)
    needs_urn = ~pl.col("PLACE").is_in(ctx.codes("PLACE_URN_NOT_NEEDED")).fill_null(False)
    in_england = ~pl.col("PL_LA").is_in(OUTSIDE_ENGLAND).fill_null(False)
    return episodes.filter(in_year & needs_urn & in_england & pl.col("URN").is_null())


CASES = [
    Case(
        "a missing URN is flagged when the episode is open on or after the year starts",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "DEC", "URN", "PL_POST"],
                ["1", "K2", "", "", "W1A 1AA"],
                ["2", "K2", "", "SC123456", "W1A 1AA"],
                ["3", "K2", "01/04/2023", "", "W1A 1AA"],
                ["4", "K2", "31/03/2023", "", "W1A 1AA"],
                ["5", "K2", "", "", "CF10 1AA"],
                ["6", "K2", "", "", "EH1 1AA"],
                ["7", "U1", "", "", ""],
                ["8", "K2", "", "XXXXXXX", "W1A 1AA"],
                ["9", "K2", "02/04/2023", "", "W1A 1AA"],
                ["10", "", "", "", "W1A 1AA"],
            )
        },
        flagged={"Episodes": [0, 2, 6, 8, 9]},
        period="2023-24",
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "temporary, parent, community, H5 and P2 placements need no URN",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "DEC", "URN", "PL_POST"],
                ["1", "P1", "", "", "W1A 1AA"],
                ["2", "T0", "", "", "W1A 1AA"],
                ["3", "R5", "", "", "W1A 1AA"],
                ["4", "H5", "", "", "W1A 1AA"],
                ["5", "P2", "", "", "W1A 1AA"],
                ["6", "", "", "", "W1A 1AA"],
            )
        },
        flagged={"Episodes": [5]},
        years=("2023-24",),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "from 2024-25 H5 placements need a URN; Z11 to Z14 do not from 2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "DEC", "URN", "PL_POST"],
                ["1", "P1", "", "", "W1A 1AA"],
                ["2", "T0", "", "", "W1A 1AA"],
                ["3", "K3", "", "", "W1A 1AA"],
                ["4", "H5", "", "", "W1A 1AA"],
                ["5", "Z11", "", "", "W1A 1AA"],
            )
        },
        flagged={"Episodes": [2, 3]},
        years=("2024-25", "2025-26", "2026-27"),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
