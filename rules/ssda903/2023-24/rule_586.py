"""Rule 586: a missing or away period starts before the child was born."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="586",
    message="Dates of missing periods are before child’s date of birth.",
    tables=["Missing"],
    fields=["MIS_START"],
    tags=["missing", "dates"],
)
def missing_period_starts_before_birth(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period starts on or before the child's date of birth.

    Check the child's date of birth and the start date of the period, and correct whichever was
    mistyped.
    """
    # NOTE: DfE's coding asks for MIS_START to be later than DOB, so a start on the birthday is
    # flagged too. The date of birth compared is the one given in the Missing table. Blank or
    # unreadable dates are not compared.
    return ctx.table("Missing").filter(pl.col("MIS_START") <= pl.col("DOB"))


CASES = [
    Case(
        "a start before or on the date of birth is flagged; the day after it is not",
        tables={
            "Missing": table(
                ["CHILD", "DOB", "MIS_START"],
                ["1", "10/05/2010", "09/05/2010"],
                ["2", "10/05/2010", "10/05/2010"],
                ["3", "10/05/2010", "11/05/2010"],
                ["8", "10/05/2010", "10/05/2009"],
            ),
        },
        flagged={"Missing": [0, 1, 3]},
    ),
    Case(
        "each of a child's periods is checked on its own",
        tables={
            "Missing": table(
                ["CHILD", "DOB", "MIS_START"],
                ["9", "10/05/2010", "01/05/2024"],
                ["9", "10/05/2010", "01/05/2010"],
            ),
        },
        flagged={"Missing": [1]},
    ),
    Case(
        "a blank or unreadable date is not compared",
        tables={
            "Missing": table(
                ["CHILD", "DOB", "MIS_START"],
                ["4", "", "11/05/2010"],
                ["5", "10/05/2010", ""],
                ["6", "31/02/2010", "01/01/2010"],
                ["7", "10/05/2010", "2010-05-09"],
            ),
        },
    ),
]
