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
    """An episode whose URN is XXXXXXX is an adoption (A3-A6) or foster (U1-U6) placement.

    Why: regional adoption agencies have no Ofsted URN of their own, and place children for
    adoption or with foster carers. Source: the peer's unreleased 2025-26 branch (inferred, not
    yet checked against DfE's 2025-26 rules, see reference/dfe-updates.md). A blank PLACE fails
    DfE's first-stage checks and is not flagged here.
    """
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
        flagged={"Episodes": [0, 5]},
    ),
]
