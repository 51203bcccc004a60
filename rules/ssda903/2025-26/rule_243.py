"""Rule 243: an Ofsted URN for a placement outside England."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import (
    OUTSIDE_ENGLAND,
    with_placement_geography,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="243",
    message="Only placements with providers registered with Ofsted should have a URN reported.",
    tables=["Episodes"],
    fields=["URN", "PL_POST"],
    tags=["urn", "postcodes"],
    needs=["--la"],
)
def urn_outside_england(ctx: RuleContext) -> pl.LazyFrame:
    """A placement outside England has an Ofsted URN.

    Ofsted registers providers in England only. Where the placement postcode is in Wales,
    Scotland, Northern Ireland or outside the UK, leave the URN blank.
    """
    # DfE 2025-26 (new rule, from an unreleased peer branch): if PL_LA is CON, NIR, SCO, WAL
    # or NUK then URN must be blank. Decided: adopted as written; XXXXXXX is not blank, so it
    # is flagged too (rule 242 limits XXXXXXX to adoption agencies).
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    return episodes.filter(pl.col("PL_LA").is_in(OUTSIDE_ENGLAND) & pl.col("URN").is_not_null())


CASES = [
    Case(
        "a URN, even XXXXXXX, for a placement in Wales or Scotland is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PL_POST"],
                ["1", "SC123456", "CF10 1AA"],
                ["3", "XXXXXXX", "EH1 1AA"],
            )
        },
        flagged={"Episodes": [0, 1]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "a blank URN outside England, or a URN in England or with no postcode, is clear",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PL_POST"],
                ["2", "", "CF10 1AA"],
                ["4", "SC123456", "W1A 1AA"],
                ["5", "SC123456", ""],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
