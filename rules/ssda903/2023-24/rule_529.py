"""Rule 529: other public provision recorded for a placement public bodies cannot provide."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="529",
    message=(
        "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, "
        "K2 and U1 to U6 as these placements cannot be provided by other public organisations."
    ),
    tables=["Episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    tags=["codes", "placements"],
)
def other_public_provision_for_placement_it_cannot_provide(ctx: RuleContext) -> pl.LazyFrame:
    """Another public body's provision (provider PR3) is recorded for a placement it cannot provide.

    Placements with parents (P1), for adoption (A3 to A6), in secure or children's homes (K1, K2)
    and with foster carers (U1 to U6) are not provided by public bodies other than councils: correct
    the placement provider or the placement type.
    """
    # The list is PLACE_NOT_PROVIDED_BY_PUBLIC_BODY, exactly as DfE's message names it. Blanks are
    # not flagged.
    public = pl.col("PLACE_PROVIDER").is_in(ctx.codes("PLACE_PROVIDER_OTHER_PUBLIC"))
    barred = pl.col("PLACE").is_in(ctx.codes("PLACE_NOT_PROVIDED_BY_PUBLIC_BODY"))
    return ctx.table("Episodes").filter((public & barred).fill_null(False))


CASES = [
    Case(
        "PR3 with P1, A3-A6, K1, K2 or U1-U6 is flagged on whichever episode has it, as written",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["1", "P1", "PR3"],
                ["2", "a3", "pr3"],
                ["3", "A6", "PR3"],
                ["4", "K1", "PR3"],
                ["5", "K2", "PR3"],
                ["6", "U1", "PR3"],
                ["7", "U6", "PR3"],
                ["12", "A4", "PR3"],
                ["13", "A5", "PR3"],
                ["14", "U3", "PR3"],
                ["19", "R1", "PR3"],
                ["19", "U2", "PR3"],
            ),
        },
        flagged={"Episodes": [0, 2, 3, 4, 5, 6, 7, 8, 9, 11]},
    ),
    Case(
        "PR3 with R2, P2, A2 or U7, or a barred placement with another provider, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"],
                ["8", "R2", "PR3"],
                ["9", "U1", "PR1"],
                ["15", "P2", "PR3"],
                ["16", "A2", "PR3"],
                ["17", "U7", "PR3"],
                ["18", "A3", "PR2"],
            ),
        },
    ),
    Case(
        "a blank PLACE or PLACE_PROVIDER is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "PLACE_PROVIDER"], ["10", "", "PR3"], ["11", "K2", ""]
            ),
        },
    ),
]
