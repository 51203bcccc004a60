"""Rule 229: own provision (PR1) or another LA's (PR2) disagrees with the provider's LA."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import (
    CASE_COUNCIL,
    CASE_OFSTED,
    CASE_POSTCODES,
    OFSTED_COLUMNS,
)
from csc_validate.collections.ssda903.rulekit.geography import provider_councils, with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="229",
    message=(
        "Placement provider does not match between the placing authority and the local authority "
        "code of the provider."
    ),
    tables=["Episodes"],
    fields=["URN", "PLACE_PROVIDER"],
    tags=["urn", "postcodes"],
    needs=["--la", "--ofsted"],
)
def provider_owner_disagrees(ctx: RuleContext) -> pl.LazyFrame:
    """The provider code (PR1 or PR2) disagrees with the LA the provider is in.

    PR1, the council's own provision, is flagged when the provider is in another LA; PR2,
    another LA's provision, when the provider is in the council's own area. The provider's LA is
    worked out from the setting postcodes on the Ofsted lists, so it may be wrong for a provider
    whose office is not where its settings are.
    """
    council = ctx.reference("council").select(pl.col("LA").alias("_COUNCIL"))
    episodes = with_provider(ctx, ctx.table("Episodes"))
    # Empty until 2025-26, when DfE leaves out the placements with no owning LA to compare.
    not_checked = pl.col("PLACE").is_in(ctx.codes("PLACE_PROVIDER_LA_NOT_CHECKED"))
    episodes = episodes.filter(~not_checked.fill_null(False))
    located = episodes.join(
        provider_councils(ctx).rename({"URN": "_URN_KEY"}),
        on="_URN_KEY",
        # Equivalent mutant (ReplaceKeywordValue): a left join only adds providers with no known LA,
        # whose PROVIDER_LAS is blank, so both sides of the final filter are blank or false there.
        how="inner",
    ).join(council, how="cross")
    in_council = pl.col("PROVIDER_LAS").list.contains(pl.col("_COUNCIL"))
    provider = pl.col("PLACE_PROVIDER")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): a provider code is never both PR1 and
    # PR2, so the two tests are never true together, and either one blank makes both blank.
    return located.filter(((provider == "PR1") & ~in_council) | ((provider == "PR2") & in_council))


CASES = [
    Case(
        "own provision elsewhere and another LA's provision here are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PLACE_PROVIDER"],
                ["1", "SC100001", "K2", "PR1"],
                ["2", "SC100001", "K2", "PR2"],
                ["3", "SC100002", "K2", "PR1"],
                ["4", "SC100002", "K2", "PR2"],
                ["5", "SC100002", "K2", "PR3"],
                ["6", "SC100005", "K2", "PR1"],
                ["7", "SC999999", "K2", "PR1"],
                ["8", "SC100002", "K2", ""],
            )
        },
        flagged={"Episodes": [1, 2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES, "ofsted": CASE_OFSTED},
    ),
    Case(
        "other provider codes and an unreadable one are not checked, in the council or out",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PLACE_PROVIDER"],
                ["1", "SC100002", "K2", "PR0"],
                ["2", "SC100001", "K2", "PR0"],
                ["3", "SC100001", "K2", "PR3"],
                ["4", "SC100001", "K2", "PR4"],
                ["5", "SC100001", "K2", "PR5"],
                ["6", "SC100001", "K2", "PR9"],
                ["7", "SC100002", "K2", "PR9"],
                ["8", "SC100001", "K2", ""],
            )
        },
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES, "ofsted": CASE_OFSTED},
    ),
    Case(
        "a blank or unreadable placement type is still checked",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PLACE_PROVIDER"],
                ["1", "SC100002", "", "PR1"],
                ["2", "SC100001", "", "PR2"],
                ["3", "SC100002", "Z9", "PR1"],
                ["4", "SC100001", "", "PR1"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES, "ofsted": CASE_OFSTED},
    ),
    Case(
        "a provider with premises in the council and elsewhere is in the council; one with no "
        "known LA is not checked",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PLACE_PROVIDER"],
                ["1", "SC100006", "K2", "PR1"],
                ["2", "SC100006", "K2", "PR2"],
                ["3", "SC100005", "K2", "PR1"],
                ["4", "SC100005", "K2", "PR2"],
            )
        },
        flagged={"Episodes": [1]},
        la=CASE_COUNCIL,
        reference={
            "postcodes": CASE_POSTCODES,
            "ofsted": table(
                OFSTED_COLUMNS,
                ["SC100005", "Westminster", "K2", "PR1", "", ""],
                ["SC100006", "Westminster", "K2", "PR1", "", "W1A 1AA"],
                ["SC100006", "Manchester", "K2", "PR1", "", "M1 1AA"],
            ),
        },
    ),
    Case(
        "before 2025-26 supported accommodation is checked",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PLACE_PROVIDER"], ["1", "2000003", "K3", "PR1"]
            )
        },
        flagged={"Episodes": [0]},
        years=("2024-25",),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES, "ofsted": CASE_OFSTED},
    ),
    Case(
        "from 2025-26 supported accommodation and temporary placements are not checked",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE", "PLACE_PROVIDER"],
                ["1", "2000003", "K3", "PR1"],
                ["2", "SC100002", "T0", "PR1"],
                ["3", "SC100002", "K2", "PR1"],
            )
        },
        flagged={"Episodes": [2]},
        years=("2025-26", "2026-27"),
        la=CASE_COUNCIL,
        reference={"postcodes": CASE_POSTCODES, "ofsted": CASE_OFSTED},
    ),
]
