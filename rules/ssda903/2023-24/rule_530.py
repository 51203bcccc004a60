"""Rule 530: private provision recorded for a placement with parents."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="530",
    message="A placement provider code of PR4 cannot be associated with placement P1.",
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def private_provision_for_placement_with_parents(ctx: RuleContext) -> pl.LazyFrame:
    """Private provision (provider PR4) is recorded for a placement with parents (P1).

    A child placed with their parents is not in provision a private provider runs: correct the
    placement provider or the placement type.
    """
    # Blanks are not flagged.
    private = pl.col("PLACE_PROVIDER").is_in(ctx.codes("PLACE_PROVIDER_PRIVATE"))
    with_parents = pl.col("PLACE").is_in(ctx.codes("PLACE_WITH_PARENTS"))
    return ctx.table("Episodes").filter((private & with_parents).fill_null(False))


CASES = [
    Case(
        "PR4 with P1 is flagged on whichever episode has it, as written",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "P1", "PR4"],
                ["2", "p1", "pr4"],
                ["11", "U1", "PR4"],
                ["11", "P1", "PR4"],
            ),
        },
        flagged={"Episodes": [0, 3]},
    ),
    Case(
        "PR4 with another placement, or P1 with another provider, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["3", "U1", "PR4"],
                ["4", "P1", "PR0"],
                ["7", "P1", "PR3"],
                ["8", "P1", "PR5"],
                ["9", "P2", "PR4"],
            ),
        },
    ),
    Case(
        "a blank PLACE or PLACE_PROVIDER is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["5", "", "PR4"],
                ["6", "P1", ""],
                ["10", "", ""],
            ),
        },
    ),
]
