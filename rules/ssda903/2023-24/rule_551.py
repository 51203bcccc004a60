"""Rule 551: placed for adoption with no decision to place for adoption on record."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="551",
    message=(
        "Child has been placed for adoption but there is no date of the decision that the child"
        " should be placed for adoption."
    ),
    tables=["Episodes", "PlacedAdoption"],
    fields=["DATE_PLACED", "PLACE"],
    tags=["adoption"],
)
def adoption_placement_without_decision(ctx: RuleContext) -> pl.LazyFrame:
    """A child placed for adoption (A3 to A6) has no date of a decision to place for adoption.

    Record the decision that the child should be placed for adoption, with its date (DATE_PLACED),
    in the child's placed-for-adoption record.
    """
    # DfE requires DATE_PLACED for every child placed for adoption. No PlacedAdoption file means no
    # decisions. A date written but unreadable counts as given (rule 115 reports it).
    decided = (
        ctx.table_or_empty("PlacedAdoption")
        .filter(pl.col(raw_name("DATE_PLACED")).is_not_null())
        .select("CHILD")
        .unique()
    )
    placed = ctx.table("Episodes").filter(pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION")))
    return placed.join(decided, on="CHILD", how="anti")


CASES = [
    Case(
        "adoption placements without a dated decision are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE"],
                ["1", "A3"],
                ["2", "A6"],
                ["3", "A4"],
                ["4", "U1"],
                ["5", "A5"],
                ["6", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "01/02/2020"],
                ["2", ""],
                ["5", "31/02/2020"],
            ),
        },
        flagged={"Episodes": [1, 2]},
    ),
    Case(
        "no PlacedAdoption file means no decisions",
        tables={"Episodes": table(["CHILD", "PLACE"], ["1", "A3"], ["2", "U3"])},
        flagged={"Episodes": [0]},
    ),
]
