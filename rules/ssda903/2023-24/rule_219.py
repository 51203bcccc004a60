"""Rule 219: the placement type is not one the URN's provider offers."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import OFSTED_COLUMNS
from csc_validate.collections.ssda903.rulekit.geography import with_provider
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="219",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does not"
        " match the placement type recorded."
    ),
    tables=["Episodes"],
    fields=["URN", "PLACE"],
    tags=["urn"],
    needs=["--ofsted"],
)
def placement_type_not_offered(ctx: RuleContext) -> pl.LazyFrame:
    """The placement type is not one Ofsted lists for the provider with this URN.

    Only URNs on the lists with placement codes are checked (rule 1008 reports the others).
    """
    # NOTE: the peer also flags URNs missing from the lists or listed without placement
    # codes; those are rule 1008's, or unknowable, so they are not flagged here.
    providers = with_provider(ctx, ctx.table("Episodes"))
    offered = pl.col("PLACE_CODES").list.contains(pl.col("PLACE"))
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq, ReplaceFalseWithTrue): a list's length
    # is never negative; `offered` is null only where PLACE_CODES is, and then the length test is
    # null too, so the row is dropped whatever fills the null.
    return providers.filter((pl.col("PLACE_CODES").list.len() > 0) & ~offered.fill_null(False))


# Ofsted's lists as the cases read them: one provider offers K2, one K1 and K2, one none listed.
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
        "a placement type the provider does not offer, or a blank one, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE"],
                ["2", "SC100001", "K1"],
                ["6", "SC100001", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
        reference=OFSTED,
    ),
    Case(
        "an offered type, and URNs unlisted, listed without types or XXXXXXX, are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE"],
                ["1", "SC100001", "K2"],
                ["3", "SC100002", "K1"],
                ["4", "SC100005", "K1"],
                ["5", "SC999999", "K1"],
                ["7", "XXXXXXX", "A3"],
            )
        },
        flagged={},
        reference=OFSTED,
    ),
]
