"""Rule 221: the placement postcode is not the URN's setting postcode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_OFSTED_LISTS
from csc_validate.collections.ssda903.rulekit.geography import with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE 2024-25: the placement types whose postcode must match Ofsted's (H5 became K3; H5 is
# kept for 2023-24 returns, where it is still a valid code).
CHECKED_PLACEMENTS = ["H5", "K1", "K2", "K3", "R3", "S1"]


@rule(
    code="221",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does not"
        " match the placement postcode provided."
    ),
    tables=["Episodes"],
    fields=["URN", "PL_POST"],
    tags=["urn", "postcodes"],
    needs=["--ofsted"],
)
def placement_postcode_not_providers(ctx: RuleContext) -> pl.LazyFrame:
    """The placement postcode is not the setting postcode Ofsted lists for this URN.

    Checked for children's homes, secure units, residential settings and supported
    accommodation, except short breaks (legal status V3 or V4). Spaces and capital letters do
    not matter.
    """
    providers = with_provider(ctx, ctx.table("Episodes"))
    postcode = pl.col("PL_POST").str.replace_all(r"\s", "").str.to_uppercase()
    checked = (
        pl.col("PLACE").is_in(CHECKED_PLACEMENTS)
        & ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
        & postcode.is_not_null()
        # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): a list's length is never negative.
        & (pl.col("POSTCODES").list.len() > 0)
    )
    return providers.filter(checked & ~pl.col("POSTCODES").list.contains(postcode))


CASES = [
    Case(
        "a placement postcode unlike the setting's is flagged, with or without a legal status",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "LS", "PL_POST"],
                ["3", "SC100001", "K2", "C2", "SW1A 1AA"],
                ["8", "SC100003", "R3", "", "M1 1AA"],
            )
        },
        flagged={"Episodes": [0, 1]},
        reference=CASE_OFSTED_LISTS,
    ),
    Case(
        "the setting's postcode in any spacing or case is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "LS", "PL_POST"],
                ["1", "SC100001", "K2", "C2", "W1A 1AA"],
                ["2", "SC100001", "K2", "C2", "w1a1aa"],
            )
        },
        flagged={},
        reference=CASE_OFSTED_LISTS,
    ),
    Case(
        "short breaks, other types, blank postcodes and settings without one are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "LS", "PL_POST"],
                ["4", "SC100001", "K2", "V3", "SW1A 1AA"],
                ["5", "SC100001", "U1", "C2", "SW1A 1AA"],
                ["6", "SC100001", "K2", "C2", ""],
                ["7", "SC100005", "K2", "C2", "SW1A 1AA"],
            )
        },
        flagged={},
        reference=CASE_OFSTED_LISTS,
    ),
]
