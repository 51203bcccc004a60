"""Rule 301: date of birth is after the end of the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="301",
    message="Date of birth falls after the year ended.",
    tables=["Header"],
    fields=["DOB"],
    tags=["dates"],
)
def born_after_year_end(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth is after the end of the collection year.

    A child in the return is born by 31 March: correct the date of birth.
    """
    # A blank or unreadable DOB is left to rule 102.
    return ctx.table("Header").filter(pl.col("DOB") > ctx.end)


CASES = [
    Case(
        "born the day after the year ends is flagged",
        period="2024-25",
        tables={"Header": table(["CHILD", "DOB"], ["2", "01/04/2025"])},
        flagged={"Header": [0]},
    ),
    Case(
        "born on 31 March or earlier is not flagged",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "31/03/2025"],
                ["4", "01/01/2010"],
                ["5", "30/03/2025"],
            )
        },
        flagged={},
    ),
    Case(
        "a blank or unreadable date of birth is left to rule 102",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", ""],
                ["6", "31/04/2025"],
                ["7", "2025-04-02"],
            )
        },
        flagged={},
    ),
]
