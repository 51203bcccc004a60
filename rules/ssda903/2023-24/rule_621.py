"""Rule 621: the mother's child was born before the mother."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="621",
    message=(
        "Mother’s field has been completed but date of birth shows that the mother is"
        " younger than her child."
    ),
    tables=["Header"],
    fields=["DOB", "MC_DOB"],
    tags=["header", "dates"],
)
def mother_younger_than_child(ctx: RuleContext) -> pl.LazyFrame:
    """The mother's first child was born on or before the mother's own date of birth.

    Check the mother's date of birth (DOB) and her first child's date of birth (MC_DOB), and correct
    whichever was mistyped.
    """
    # A child born on the mother's own birth date is impossible too, so it is flagged. Blank or
    # unreadable dates are not compared.
    return ctx.table("Header").filter(pl.col("MC_DOB") <= pl.col("DOB"))


CASES = [
    Case(
        "a first child born on or before the mother's birth date is flagged; the day after is not",
        tables={
            "Header": table(
                ["CHILD", "DOB", "MC_DOB"],
                ["1", "10/05/2008", "09/05/2008"],
                ["2", "10/05/2008", "10/05/2008"],
                ["3", "10/05/2008", "11/05/2024"],
                ["6", "10/05/2008", "11/05/2008"],
                ["9", "10/05/2008", "10/05/1990"],
            ),
        },
        flagged={"Header": [0, 1, 4]},
    ),
    Case(
        "a blank or unreadable date is not compared",
        tables={
            "Header": table(
                ["CHILD", "DOB", "MC_DOB"],
                ["4", "10/05/2008", ""],
                ["5", "", "01/01/2024"],
                ["7", "31/02/2008", "01/01/2000"],
                ["8", "10/05/2008", "2008-05-09"],
            ),
        },
    ),
]
