"""Rule 230: no Ofsted URN for an English H5 placement from 28 October 2023."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    OUTSIDE_ENGLAND,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE: supported accommodation (H5) needs a URN from 28 October 2023, when Ofsted began to
# register it.
URN_REQUIRED_FROM = dt.date(2023, 10, 28)


@rule(
    code="230",
    message=(
        "Ofsted Unique reference number (URN) is required for any English H5 placements from "
        "28 October 2023."
    ),
    tables=["Episodes"],
    fields=["PLACE", "DEC", "URN"],
    tags=["urn", "postcodes"],
    needs=["--la"],
)
def h5_placement_without_urn(ctx: RuleContext) -> pl.LazyFrame:
    """A supported accommodation (H5) placement in England from 28 October 2023 has no URN.

    Ofsted registers supported accommodation from 28 October 2023: an H5 placement still going
    on that day or later needs the provider's URN, not XXXXXXX.
    """
    # NOTE: the peer lets an episode ending on 28 October pass; DfE says "from 28 October",
    # and a child still placed that day is in an H5 placement from 28 October, so it is flagged.
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    in_place = pl.col("DEC").is_null() | (pl.col("DEC") >= URN_REQUIRED_FROM)
    no_urn = pl.col("URN").is_null() | (pl.col("URN") == "XXXXXXX")
    in_england = ~pl.col("PL_LA").is_in(OUTSIDE_ENGLAND).fill_null(False)
    return episodes.filter((pl.col("PLACE") == "H5") & in_place & no_urn & in_england)


CASES = [
    Case(
        "H5 without a URN still open on or after 28 October 2023 is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "DEC", "URN", "PL_POST"],
                ["2", "H5", "28/10/2023", "", "W1A 1AA"],
                ["4", "H5", "", "", "W1A 1AA"],
                ["5", "H5", "", "XXXXXXX", "W1A 1AA"],
                ["8", "H5", "29/10/2023", "", "W1A 1AA"],
            )
        },
        flagged={"Episodes": [0, 1, 2, 3]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "H5 without a URN and a blank placement postcode is taken to be in England and flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "DEC", "URN", "PL_POST"],
                ["9", "H5", "", "", ""],
            )
        },
        flagged={"Episodes": [0]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "H5 ending the day before, with a URN, outside England, or another placement is clear",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "DEC", "URN", "PL_POST"],
                ["1", "H5", "27/10/2023", "", "W1A 1AA"],
                ["3", "H5", "29/10/2023", "SC123456", "W1A 1AA"],
                ["6", "H5", "", "", "CF10 1AA"],
                ["7", "K2", "", "", "W1A 1AA"],
                ["10", "A6", "", "", "W1A 1AA"],
                ["11", "H5", "", "Z123456", "W1A 1AA"],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
