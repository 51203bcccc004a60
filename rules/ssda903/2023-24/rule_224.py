"""Rule 224: the placement provider code is not the one the URN's provider has."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import OFSTED_COLUMNS
from csc_validate.collections.ssda903.rulekit.geography import with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="224",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does not"
        " match the placement provider recorded."
    ),
    tables=["Episodes"],
    fields=["URN", "PLACE_PROVIDER"],
    tags=["urn"],
    needs=["--ofsted"],
)
def provider_code_not_listed(ctx: RuleContext) -> pl.LazyFrame:
    """The placement provider code is not one Ofsted lists for the provider with this URN.

    Only URNs on the lists with provider codes are checked (rule 1008 reports the others).
    """
    # NOTE: as in 219, URNs missing from the lists are left to rule 1008.
    providers = with_provider(ctx, ctx.table("Episodes"))
    listed = pl.col("PROVIDER_CODES").list.contains(pl.col("PLACE_PROVIDER"))
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq, ReplaceFalseWithTrue): a list's length
    # is never negative; `listed` is null only where PROVIDER_CODES is, and then the length test is
    # null too, so the row is dropped whatever fills the null.
    return providers.filter((pl.col("PROVIDER_CODES").list.len() > 0) & ~listed.fill_null(False))


# Ofsted's lists as the cases read them: one provider has PR1, one PR2 and PR3, one none listed.
OFSTED = {
    "ofsted": table(
        OFSTED_COLUMNS,
        ["SC100001", "Westminster", "K2", "PR1", "", "W1A 1AA"],
        ["SC100002", "Manchester", "K1, K2", "PR2/PR3", "", "M1 1AA"],
        ["SC100003", "Leeds", "R3", "PR3", "31/10/2024", "LS1 1AA"],
        ["2000004", "Westminster", "K3", "PR4", "", "SW1A 1AA"],
        ["SC100005", "Westminster", "", "", "", ""],
    )
}

CASES = [
    Case(
        "a provider code the lists do not give for the URN, or a blank one, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE_PROVIDER"],
                ["2", "SC100001", "PR2"],
                ["5", "SC100002", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
        reference=OFSTED,
    ),
    Case(
        "a listed provider code, a URN listed without codes and XXXXXXX are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE_PROVIDER"],
                ["1", "SC100001", "PR1"],
                ["3", "SC100002", "PR3"],
                ["4", "SC100005", "PR1"],
                ["6", "XXXXXXX", "PR1"],
            )
        },
        flagged={},
        reference=OFSTED,
    ),
]
