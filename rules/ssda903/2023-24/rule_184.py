"""Rule 184: the decision to place for adoption is dated before the child's birth."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="184",
    message=(
        "Date of decision that a child should be placed for adoption is before the child was born."
    ),
    tables=["PlacedAdoption", "Header"],
    fields=["DATE_PLACED", "DOB"],
    tags=["dates", "adoption"],
)
def placed_for_adoption_before_birth(ctx: RuleContext) -> pl.LazyFrame:
    """The date of the decision to place for adoption is before the child's date of birth.

    Check the child's date of birth and the date of the decision that the child should be placed for
    adoption, and correct whichever is wrong.
    """
    # DATE_PLACED is compared with the Header's DOB. Blank or unreadable dates are left to rules 102
    # and 115.
    # The Header row whose date of birth was compared is named beside the decision.
    births = ctx.table("Header").select(
        "CHILD",
        pl.col("DOB").alias("header_DOB"),
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("Header").alias(RELATED_TABLE),
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child missing from the Header a
    # blank DOB, and the filter drops a comparison with a blank, as the inner join drops the row.
    placed = ctx.table("PlacedAdoption").join(births, on="CHILD", how="inner")
    return placed.filter(pl.col("DATE_PLACED") < pl.col("header_DOB"))


CASES = [
    Case(
        "a decision the day before birth is flagged; on or after the birthday it is not",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "10/05/2020"],
                ["2", "10/05/2020"],
                ["6", "10/05/2020"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DOB", "DATE_PLACED"],
                ["1", "01/01/2020", "09/05/2020"],
                ["2", "01/01/2020", "10/05/2020"],
                ["6", "10/05/2020", "11/05/2020"],
                ["1", "01/01/2020", "10/05/2020"],
            ),
        },
        flagged={"PlacedAdoption": [0]},
        related=(("PlacedAdoption", 0, "Header", 0),),
    ),
    Case(
        "blank or unreadable dates, and a child missing from the Header, are not compared",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", ""],
                ["4", "10/05/2020"],
                ["7", "31/02/2020"],
                ["8", "10/05/2020"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DOB", "DATE_PLACED"],
                ["3", "", "01/01/2020"],
                ["4", "10/05/2020", ""],
                ["5", "10/05/2020", "01/01/2000"],
                ["7", "", "01/01/2020"],
                ["8", "", "2020-05-09"],
            ),
        },
        flagged={},
    ),
]
