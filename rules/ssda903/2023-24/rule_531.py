"""Rule 531: voluntary provision recorded for a placement with parents."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="531",
    message="A placement provider code of PR5 cannot be associated with placements P1.",
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def voluntary_provision_for_placement_with_parents(ctx: RuleContext) -> pl.LazyFrame:
    """Voluntary or third sector provision (provider PR5) is recorded for a placement with parents.

    A child placed with their parents (P1) is not in provision a voluntary body runs: correct the
    placement provider or the placement type.
    """
    # Blanks are not flagged.
    voluntary = pl.col("PLACE_PROVIDER").is_in(ctx.codes("PLACE_PROVIDER_VOLUNTARY"))
    with_parents = pl.col("PLACE").is_in(ctx.codes("PLACE_WITH_PARENTS"))
    return ctx.table("Episodes").filter((voluntary & with_parents).fill_null(False))


CASES = [
    Case(
        "PR5 with P1 is flagged on whichever episode has it, as written",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "P1", "PR5"],
                ["2", "p1", "pr5"],
                ["11", "U1", "PR5"],
                ["11", "P1", "PR5"],
            ),
        },
        flagged={"Episodes": [0, 3]},
    ),
    Case(
        "PR5 with another placement, or P1 with another provider, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["3", "U1", "PR5"],
                ["4", "P1", "PR0"],
                ["7", "P1", "PR4"],
                ["8", "P1", "PR6"],
                ["9", "P2", "PR5"],
            ),
        },
    ),
    Case(
        "a blank PLACE or PLACE_PROVIDER is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["5", "", "PR5"],
                ["6", "P1", ""],
                ["10", "", ""],
            ),
        },
    ),
]
