"""Rule 550: provider code PR0 (parent) used with a placement other than P1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="550",
    message="A placement provider code of PR0 can only be associated with placement P1.",
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def parent_provider_outside_placement_with_parents(ctx: RuleContext) -> pl.LazyFrame:
    """A parent is recorded as the placement provider (PR0), but the placement is not with parents.

    PR0 means the child lives with a parent or someone with parental responsibility, which is
    placement type P1: correct the placement provider or the placement type.
    """
    provider_is_parent = pl.col("PLACE_PROVIDER").is_in(ctx.codes("PLACE_PROVIDER_PARENT"))
    # A blank placement type with PR0 is flagged too: it is not P1.
    with_parents = pl.col("PLACE").is_in(ctx.codes("PLACE_WITH_PARENTS")).fill_null(False)
    return ctx.table("Episodes").filter(provider_is_parent & ~with_parents)


CASES = [
    Case(
        "PR0 outside P1, or with PLACE blank, is flagged on whichever episode has it",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["2", "U1", "PR0"],
                ["3", "", "pr0"],
                ["7", "P2", "PR0"],
                ["11", "P1", "PR0"],
                ["11", "U1", "PR0"],
                ["12", "", "PR0"],
            ),
        },
        flagged={"Episodes": [0, 2, 4, 5]},
    ),
    Case(
        "PR0 with P1 is not flagged",
        tables={
            "Episodes": table(["CHILD", "PLACE", "PLACE_PROVIDER"], ["1", "P1", "PR0"]),
        },
    ),
    Case(
        "other providers, or a blank provider, are not checked",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["4", "U1", "PR1"],
                ["5", "U1", ""],
                ["6", "P1", ""],
                ["8", "P1", "PR1"],
                ["9", "", ""],
                ["10", "U1", "PR9"],
            ),
        },
    ),
]
