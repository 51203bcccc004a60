"""Rule 522: a decision to place for adoption ceased before it was made."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="522",
    message=(
        "Date of decision that the child should be placed for adoption must be on or before the "
        "date that a child should no longer be placed for adoption."
    ),
    tables=["PlacedAdoption"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    tags=["dates", "adoption"],
)
def placement_decision_ceased_before_made(ctx: RuleContext) -> pl.LazyFrame:
    """A decision that the child should be placed for adoption ceased before it was made.

    Check the date of the decision (DATE_PLACED) and the date it ceased (DATE_PLACED_CEASED), and
    correct whichever is wrong; both on the same day is allowed.
    """
    # A decision cannot be reversed before it is taken; both on the same day is allowed. A blank or
    # unreadable date cannot be compared (rules 115 and 116 report unreadable ones).
    ceased = pl.col("DATE_PLACED_CEASED") < pl.col("DATE_PLACED")
    return ctx.table("PlacedAdoption").filter(ceased)


CASES = [
    Case(
        "ceasing the day or a year before the decision is flagged; on the day or after it is not",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "10/05/2023", "09/05/2023"],
                ["2", "10/05/2023", "10/05/2023"],
                ["3", "10/05/2023", "11/05/2023"],
                ["9", "10/05/2023", "10/05/2022"],
            ),
        },
        flagged={"PlacedAdoption": [0, 3]},
    ),
    Case(
        "each of a child's decisions is checked on its own",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["8", "01/04/2023", "01/05/2023"],
                ["8", "10/05/2023", "09/05/2023"],
            ),
        },
        flagged={"PlacedAdoption": [1]},
    ),
    Case(
        "a blank or unreadable date is not compared",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["4", "10/05/2023", ""],
                ["5", "", "09/05/2023"],
                ["6", "31/02/2023", "09/05/2023"],
                ["7", "10/05/2023", "2023-05-09"],
            ),
        },
    ),
]
