"""Rule 116: date the decision to place for adoption was reversed is not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="116",
    message=(
        "Date of Local Authority's (LA) decision that a child should no longer be placed for "
        "adoption is not a valid date."
    ),
    tables=["PlacedAdoption"],
    fields=["DATE_PLACED_CEASED"],
    tags=["dates", "adoption"],
)
def adoption_reversal_date_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The date the decision to place for adoption was reversed (DATE_PLACED_CEASED) is not a date.

    Correct the date the adoption plan changed, as dd/mm/yyyy; leave it blank if the decision still
    stands.
    """
    # The date is blank while the decision stands, so only text that is not a date is flagged.
    return ctx.table("PlacedAdoption").filter(unreadable("DATE_PLACED_CEASED"))


CASES = [
    Case(
        "an impossible or wrongly shaped reversal date is flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["2", "01/05/2020", "31/11/2020"],
                ["3", "01/05/2020", "1/12/2020"],
            )
        },
        flagged={"PlacedAdoption": [0, 1]},
    ),
    Case(
        "a real reversal date, the last day of a month included, or a blank is not flagged",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/05/2020", "31/12/2020"],
                ["5", "01/05/2020", "30/11/2020"],
                ["4", "01/05/2020", ""],
            )
        },
        flagged={},
    ),
]
