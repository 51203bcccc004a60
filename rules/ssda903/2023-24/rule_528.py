"""Rule 528: another LA's provision recorded for a placement an LA cannot provide."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="528",
    message="A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def other_la_provision_for_placement_la_cannot_provide(ctx: RuleContext) -> pl.LazyFrame:
    """Another council's provision (provider PR2) is recorded for a placement no council provides.

    Placement with parents (P1), an NHS or health setting (R2) and youth custody (R5) are not
    provided by a local authority: correct the placement provider or the placement type.
    """
    # P1, R2 and R5 are not provided by a local authority (the year's list is
    # PLACE_NOT_PROVIDED_BY_LA). Blanks are not flagged.
    other = pl.col("PLACE_PROVIDER").is_in(ctx.codes("PLACE_PROVIDER_OTHER_LA")).fill_null(False)
    barred = pl.col("PLACE").is_in(ctx.codes("PLACE_NOT_PROVIDED_BY_LA")).fill_null(False)
    return ctx.table("Episodes").filter(other & barred)


CASES = [
    Case(
        "PR2 with P1, R2 or R5 is flagged on whichever episode has it, as written",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "P1", "PR2"],
                ["2", "r2", "pr2"],
                ["3", "R5", "PR2"],
                ["11", "U1", "PR2"],
                ["11", "P1", "PR2"],
            ),
        },
        flagged={"Episodes": [0, 2, 4]},
    ),
    Case(
        "PR2 with another placement, or P1, R2 or R5 with another provider, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["4", "U1", "PR2"],
                ["5", "R5", "PR3"],
                ["8", "P1", "PR1"],
                ["9", "R2", "PR3"],
                ["10", "R1", "PR2"],
            ),
        },
    ),
    Case(
        "a blank PLACE or PLACE_PROVIDER is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"], ["6", "", "PR2"], ["7", "P1", ""]
            ),
        },
    ),
]
