"""Rule 527: the LA's own provision recorded for a placement it cannot provide."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="527",
    message="A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def own_provision_for_placement_la_cannot_provide(ctx: RuleContext) -> pl.LazyFrame:
    """The council's own provision (provider PR1) is recorded for a placement no council provides.

    Placement with parents (P1), an NHS or health setting (R2) and youth custody (R5) are not
    provided by a local authority: correct the placement provider or the placement type.
    """
    # P1, R2 and R5 are not provided by a local authority (the year's list is
    # PLACE_NOT_PROVIDED_BY_LA). Blanks are not flagged.
    own = pl.col("PLACE_PROVIDER").is_in(ctx.codes("PLACE_PROVIDER_OWN_LA")).fill_null(False)
    barred = pl.col("PLACE").is_in(ctx.codes("PLACE_NOT_PROVIDED_BY_LA")).fill_null(False)
    return ctx.table("Episodes").filter(own & barred)


CASES = [
    Case(
        "PR1 with P1, R2 or R5 is flagged on whichever episode has it, as written",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "P1", "PR1"],
                ["2", "r2", "pr1"],
                ["3", "R5", "PR1"],
                ["12", "U1", "PR1"],
                ["12", "R5", "PR1"],
            ),
        },
        flagged={"Episodes": [0, 2, 4]},
    ),
    Case(
        "PR1 with another placement, or P1, R2 or R5 with another provider, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["4", "U1", "PR1"],
                ["5", "P1", "PR0"],
                ["8", "P1", "PR2"],
                ["9", "R2", "PR0"],
                ["10", "R1", "PR1"],
                ["11", "P2", "PR1"],
            ),
        },
    ),
    Case(
        "a blank PLACE or PLACE_PROVIDER is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"], ["6", "", "PR1"], ["7", "R2", ""]
            ),
        },
    ),
]
