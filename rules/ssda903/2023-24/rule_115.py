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
    """The date of the decision to place for adoption (DATE_PLACED) is blank or not a real date.

    Every placed-for-adoption record needs the date of the decision that the child should be placed
    for adoption: enter it as dd/mm/yyyy.
    """
    # The date is what a PlacedAdoption record reports (it keys the record), so a blank is not a
    # valid date either; the same reading as rule 102 for the date of birth.
    return ctx.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped dates are flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"],
                ["2", "29/02/2021"],
                ["3", "01/01/21"],
                ["4", ""],
            )
        },
        flagged={"PlacedAdoption": [0, 1, 2]},
    ),
    Case(
        "a real date, with or without spaces around it, is not flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED"], ["1", "28/02/2021"], ["5", " 15/06/2020 "]
            )
        },
        flagged={},
    ),
]
