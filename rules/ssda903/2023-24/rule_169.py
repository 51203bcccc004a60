"""Rule 169: the placement's local authority cannot be found from its postcode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_COUNCIL, CASE_POSTCODES
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="169",
    message=(
        "Local Authority (LA) of placement is not valid or is missing. Please check a valid "
        "postcode has been entered."
    ),
    tables=["Episodes"],
    fields=["PL_POST", "LS"],
    tags=["postcodes"],
    needs=["--la"],
)
def placement_la_unknown(ctx: RuleContext) -> pl.LazyFrame:
    """The placement postcode is blank or unknown, so the placement's LA cannot be found.

    Short breaks (legal status V3 or V4) are not checked. Check the placement postcode against
    the address: a postcode Royal Mail has retired is not in the directory.
    """
    # NOTE: the peer's authority list (2021) has no code for councils formed since, such as North
    # Yorkshire (E06000065, 2023), so it finds no PL_LA for their postcodes; they are valid LAs.
    # DfE derives PL_LA from PL_POST; it is missing exactly when the postcode is blank,
    # unknown, or in the directory without a local authority.
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    short_break = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    return episodes.filter(~short_break.fill_null(False) & pl.col("PL_LA").is_null())


CASES = [
    Case(
        "a blank or unknown placement postcode, or one with no LA, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["2", "C2", ""],
                ["3", "C2", "XX9 9XX"],
                ["6", "C2", "ZZ1 1ZZ"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
    Case(
        "known postcodes, in any spacing or case, are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["1", "C2", "SW1A 1AA"],
                ["8", "C2", "cf101aa"],
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
                ["4", "V3", ""],
                ["5", "V4", "XX9 9XX"],
                ["7", "", ""],
            )
        },
        flagged={"Episodes": [2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES},
    ),
]
