"""Rule 102: date of birth is not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="102",
    message="Date of birth is not a valid date.",
    tables=["Header"],
    fields=["DOB"],
    tags=["dates"],
)
def birth_date_missing_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth (DOB) is blank or not a real date.

    Enter the child's date of birth as dd/mm/yyyy.
    """
    # A blank or impossible date (31/02/2025) is null once cast, so both are flagged.
    return ctx.table("Header").filter(pl.col("DOB").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped dates of birth are flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "29/02/2023"],
                ["3", ""],
                ["4", "2024-02-01"],
                ["5", "1/2/2024"],
                ["7", "32/12/2010"],
            )
        },
        flagged={"Header": [0, 1, 2, 3, 4]},
    ),
    Case(
        "real dates of birth, a leap day and the last day of a month included, are not flagged",
        tables={"Header": table(["CHILD", "DOB"], ["1", "29/02/2024"], ["6", "31/12/2010"])},
        flagged={},
    ),
]
