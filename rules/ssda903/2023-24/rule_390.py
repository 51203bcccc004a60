"""Rule 390: an episode ends in adoption without the child being placed for adoption."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="390",
    message=(
        "Reason episode ceased is adopted but child has not been previously placed for adoption."
    ),
    tables=["Episodes"],
    fields=["PLACE", "REC"],
    tags=["codes", "adoption"],
)
def adopted_from_other_placement(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ending in adoption (reason E11 or E12) is not a placement for adoption (A3 to A6).

    A child is adopted from an adoptive placement: check the placement type (PLACE) and the reason
    the episode ended (REC), and add the adoptive placement's episode if it is missing.
    """
    # A child is adopted from an adoptive placement, so the episode that ends with the adoption is
    # that placement.
    adopted = pl.col("REC").is_in(ctx.codes("REC_ADOPTED"))
    # A blank PLACE is flagged: it is not an adoption placement.
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION")).fill_null(False)
    return ctx.table("Episodes").filter(adopted & ~placed)


CASES = [
    Case(
        "an adoption from a non-adoptive or blank placement is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "REC", "PLACE"],
                ["3", "E11", "U1"],
                ["4", "E12", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "an adoption from an adoptive placement, or another or no ending, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "REC", "PLACE"],
                ["1", "E11", "A3"],
                ["2", "E12", "A6"],
                ["5", "E8", "U1"],
                ["6", "", "U1"],
            )
        },
        flagged={},
    ),
]
