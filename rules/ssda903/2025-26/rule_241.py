"""Rule 241: a supported accommodation placement in an LA where the provider has no premises."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import (
    CASE_COUNCIL,
    CASE_OFSTED,
    CASE_POSTCODES,
    OFSTED_COLUMNS,
)
from csc_validate.collections.ssda903.rulekit.geography import (
    provider_councils,
    with_placement_geography,
    with_provider,
)
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="241",
    message="LA of placement is not an LA the provider has premises.",
    tables=["Episodes"],
    fields=["URN", "PLACE", "PL_POST"],
    tags=["urn", "postcodes"],
    needs=["--la", "--ofsted"],
)
def supported_accommodation_outside_provider_las(ctx: RuleContext) -> pl.LazyFrame:
    """A supported accommodation (K3) placement is in an LA where the provider has no premises.

    The placement's LA comes from the placement postcode, the provider's from the setting
    postcodes on the Ofsted lists (a provider can have premises in several LAs).
    """
    # DfE 2025-26 (new rule, inferred from an unreleased peer branch, dfe-updates.md 2.1): if
    # URN is given, not XXXXXXX, and PL is K3, PL_LA must be one of the LAs the Ofsted lookup
    # holds for the URN. Decided: adopted as DfE codes it; the peer compares PL_LA with the
    # submitting council instead, which is its bug, not DfE's rule.
    episodes = with_placement_geography(ctx, ctx.table("Episodes"))
    located = with_provider(ctx, episodes).join(
        provider_councils(ctx).rename({"URN": "_URN_KEY"}),
        on="_URN_KEY",
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a URN missing from the Ofsted
        # list a blank PROVIDER_LAS, list.contains is then blank and the filter drops the row as the
        # inner join does.
        how="inner",
    )
    at_premises = pl.col("PROVIDER_LAS").list.contains(pl.col("PL_LA"))
    return located.filter((pl.col("PLACE") == "K3") & pl.col("PL_LA").is_not_null() & ~at_premises)


CASES = [
    Case(
        "K3 in an LA where the provider has no premises is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PL_POST"],
                ["3", "2000003", "K3", "W1A 1AA"],
            )
        },
        flagged={"Episodes": [0]},
        la=CASE_COUNCIL,
        reference={
            "postcodes": CASE_POSTCODES,
            "ofsted": table(
                OFSTED_COLUMNS,
                ["2000003", "Leeds", "K3", "PR4", "", "LS1 1AA"],
                ["2000003", "Manchester", "K3", "PR4", "", "M1 1AA"],
            ),
        },
    ),
    Case(
        "K3 in any of the provider's LAs, another type, or no postcode or listed URN is clear",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PL_POST"],
                ["1", "2000003", "K3", "LS1 1AB"],
                ["2", "2000003", "K3", "M1 1AA"],
                ["4", "2000003", "K2", "W1A 1AA"],
                ["5", "2000003", "K3", ""],
                ["6", "XXXXXXX", "K3", "W1A 1AA"],
                ["7", "SC100005", "K3", "W1A 1AA"],
                ["8", "2000003", "U1", "W1A 1AA"],
            )
        },
        flagged={},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES, "ofsted": CASE_OFSTED},
    ),
]
