"""Rule EXC01: a placement with a relative or friend has no placement postcode."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="EXC01",
    message="Placements with relatives or friends need the placement postcode for our visits rota.",
    severity="query",
    tables=["Episodes"],
    fields=["PLACE", "PL_POST"],
    tags=["local", "postcodes"],
)
def kinship_placement_without_postcode(ctx: RuleContext) -> pl.LazyFrame:
    """A foster placement with a relative or friend (U1 to U3) whose placement postcode is blank.

    Record the postcode of the carer's home in PL_POST so the visits rota can plan the route.
    """
    episodes = ctx.table("Episodes")
    kinship = pl.col("PLACE").is_in(["U1", "U2", "U3"])
    return episodes.filter(kinship & pl.col("PL_POST").is_null())


CASES = [
    Case(
        "kinship placements without a postcode are flagged; other placements are not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "PL_POST"],
                ["1", "01/05/2025", "U1", ""],
                ["2", "01/05/2025", "U1", "AB1 2CD"],
                ["3", "01/05/2025", "U4", ""],
                ["4", "01/05/2025", "U3", ""],
                ["5", "01/05/2025", "", ""],
            )
        },
        flagged={"Episodes": [0, 3]},
    ),
]
