"""Rule 242: the placeholder URN XXXXXXX is used outside adoption and fostering placements."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="242",
    message="URN = 'XXXXXXX' can only be used for regional adoption agencies",
    tables=["Episodes"],
    fields=["URN", "PLACE"],
    tags=["codes", "placements"],
)
def placeholder_urn_outside_adoption_agency_placements(ctx: RuleContext) -> pl.LazyFrame:
    """The placeholder URN XXXXXXX is used for a placement other than adoption or fostering.

    XXXXXXX is only for regional adoption agencies, which place children for adoption (A3-A6) or
    with foster carers (U1-U6): enter the provider's Ofsted URN, or check the placement type
    (PLACE).
    """
    # Regional adoption agencies have no Ofsted URN of their own. Source: the peer's unreleased
    # 2025-26 branch (inferred, not yet checked against DfE's 2025-26 rules, see
    # reference/dfe-updates.md). A blank PLACE fails DfE's first-stage checks and is not flagged
    # here.
    agency_placements = ctx.codes("PLACE_ADOPTION") + ctx.codes("PLACE_FOSTER")
    placeholder = pl.col("URN").is_in(ctx.codes("URN_PLACEHOLDER"))
    place = pl.col("PLACE")
    return ctx.table("Episodes").filter(
        placeholder & place.is_not_null() & ~place.is_in(agency_placements)
    )


CASES = [
    Case(
        "XXXXXXX outside A3-A6 and U1-U6 is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "URN"],
                ["1", "K2", "XXXXXXX"],
                ["2", "A5", "XXXXXXX"],
                ["3", "U3", "xxxxxxx"],
                ["4", "K2", "SC123456"],
                ["5", "", "XXXXXXX"],
                ["6", "R1", "xxxxxxx"],
                ["7", "K2", ""],
            )
        },
        flagged={"Episodes": [0]},
    ),
    Case(
        "the ends of A3-A6 and U1-U6 pass, their neighbours and other lengths of X do not count",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "URN"],
                ["1", "A3", "XXXXXXX"],
                ["1", "A6", "XXXXXXX"],
                ["2", "U1", "XXXXXXX"],
                ["2", "U6", "XXXXXXX"],
                ["3", "A2", "XXXXXXX"],
                ["3", "U7", "XXXXXXX"],
                ["4", "K2", "XXXXXX"],
                ["4", "K2", "XXXXXXXX"],
            )
        },
        flagged={"Episodes": [4, 5]},
    ),
]
