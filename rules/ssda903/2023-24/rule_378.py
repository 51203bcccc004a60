"""Rule 378: a child placed with parents is looked after under a single period of section 20."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="378",
    message=(
        "A child who is placed with parent(s) cannot be looked after under a single period of "
        "accommodation under Section 20 of the Children Act 1989."
    ),
    tables=["Episodes"],
    fields=["PLACE", "LS"],
    tags=["codes", "placements"],
)
def placed_with_parents_under_section_20(ctx: RuleContext) -> pl.LazyFrame:
    """A child placed with parents (placement P1) is accommodated under section 20 (status V2).

    Placement with parents needs a care order: check the legal status (LS) and placement type
    (PLACE) and correct whichever is wrong; a child accommodated under section 20 who went home
    stopped being looked after, so the episode should end there.
    """
    # A child accommodated by agreement under section 20 who goes home to a parent stops being
    # looked after; placement with parents needs a care order. Blanks are not flagged: rules 144 and
    # 146 report them.
    with_parents = pl.col("PLACE").is_in(ctx.codes("PLACE_WITH_PARENTS"))
    section_20 = pl.col("LS").is_in(ctx.codes("LS_SINGLE_ACCOMMODATION"))
    return ctx.table("Episodes").filter(with_parents & section_20)


CASES = [
    Case(
        "placed with parents (P1) under section 20 (V2) is flagged",
        tables={"Episodes": table(["CHILD", "PLACE", "LS"], ["1", "P1", "V2"])},
        flagged={"Episodes": [0]},
    ),
    Case(
        "P1 under a care order, V2 elsewhere, or a blank placement or status is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS"],
                ["2", "P1", "C2"],
                ["3", "U1", "V2"],
                ["4", "", "V2"],
                ["5", "P1", ""],
            )
        },
        flagged={},
    ),
]
