"""Rule 115: date of the decision that a child should be placed for adoption is not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="115",
    message=(
        "Date of Local Authority's (LA) decision that a child should be placed for adoption is "
        "not a valid date."
    ),
    tables=["PlacedAdoption"],
    fields=["DATE_PLACED"],
    tags=["dates", "adoption"],
)
def placed_for_adoption_date_missing_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """Every decision to place for adoption has a real dd/mm/yyyy DATE_PLACED.

    Why: the date is what a PlacedAdoption record reports (it keys the record), so a blank is
    not a valid date either; the same reading as rule 102 for the date of birth.
    """
    return ctx.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped dates are flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["1", "28/02/2021"],
                ["2", "29/02/2021"],
                ["3", "01/01/21"],
                ["4", ""],
                ["5", " 15/06/2020 "],
            )
        },
        flagged={"PlacedAdoption": [1, 2, 3]},
    ),
]
