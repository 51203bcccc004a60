"""Rule 552: placed for adoption before any decision to place for adoption."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="552",
    message=(
        "Date of Decision to place a child for adoption should be on or prior to the date that the"
        " child was placed for adoption."
    ),
    tables=["Episodes", "PlacedAdoption"],
    fields=["DATE_PLACED", "DECOM"],
    tags=["adoption", "dates"],
)
def adoption_placement_before_decision(
    ctx: RuleContext,
) -> dict[str, pl.LazyFrame]:
    """A child was placed for adoption before the decision that they should be placed for adoption.

    Compare the start date (DECOM) of the adoption placement (A3-A6) with the dates of the child's
    decisions to place for adoption, and correct whichever date was mistyped.
    """
    # A child can only be placed for adoption once the LA has decided adoption is the plan. A child
    # can have several decisions (an earlier one revoked), so a placement is flagged only when none
    # of the child's dated decisions is on or before its DECOM, with those decisions. Children with
    # no dated decision are rule 551's; blank DECOMs are not compared.
    decisions = ctx.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_not_null())
    earliest = decisions.group_by(child_of_row()).agg(
        pl.col("DATE_PLACED").min().alias("first_decision")
    )
    placements = ctx.table("Episodes").filter(pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION")))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a placement with no dated
    # decision a blank first_decision, and a comparison with a blank is dropped, as the inner
    # join drops the row.
    early = placements.join(earliest, on="CHILD", how="inner").filter(
        pl.col("DECOM") < pl.col("first_decision")
    )
    children = early.select("CHILD").unique()
    # A placement names the child's dated decisions it was compared with, and each decision
    # names the placements that started before it.
    return {
        "Episodes": beside(early, decisions, "PlacedAdoption"),
        "PlacedAdoption": beside(
            decisions.join(children, on="CHILD", how="semi"), early, "Episodes"
        ),
    }


CASES = [
    Case(
        "a placement the day before the first decision is flagged with the decisions",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "09/05/2020", "A3"],
                ["2", "10/05/2020", "A4"],
                ["3", "11/05/2020", "A5"],
                ["4", "01/01/2020", "U1"],
                ["5", "", "A6"],
                ["6", "01/01/2021", "A3"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "10/05/2020"],
                ["2", "10/05/2020"],
                ["3", "10/05/2020"],
                ["4", "10/05/2020"],
                ["5", "10/05/2020"],
                ["6", "01/06/2019"],
                ["6", "01/06/2021"],
            ),
        },
        flagged={"Episodes": [0], "PlacedAdoption": [0]},
        related=(("Episodes", 0, "PlacedAdoption", 0), ("PlacedAdoption", 0, "Episodes", 0)),
    ),
    Case(
        "a later decision after an earlier one does not make the placement early",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"], ["1", "01/03/2021", "A3"], ["1", "01/01/2019", "A3"]
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"], ["1", "01/02/2019"], ["1", "01/02/2021"], ["1", ""]
            ),
        },
        flagged={"Episodes": [1], "PlacedAdoption": [0, 1]},
        related=(
            ("Episodes", 1, "PlacedAdoption", 0),
            ("Episodes", 1, "PlacedAdoption", 1),
            ("PlacedAdoption", 0, "Episodes", 1),
            ("PlacedAdoption", 1, "Episodes", 1),
        ),
    ),
]
