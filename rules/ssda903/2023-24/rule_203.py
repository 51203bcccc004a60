"""Rule 203: date of birth differs from the one recorded for the child last year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import dates_of_birth_differ
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="203",
    message="Date of birth disagrees with the date of birth already recorded for this child.",
    tables=["Header", "Header_last"],
    fields=["DOB"],
    tags=["previous-year", "dates"],
)
def birth_date_differs_from_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth differs from the one recorded for them last year.

    Check the child's date of birth in the case record and correct whichever year's is wrong.
    """
    # NOTE: dates of birth are compared as the INT rules compare them (dates_of_birth_differ):
    # readable dates as dates, otherwise as written, so a blank or unreadable date in either
    # year beside a different one is flagged (as the peer does), and the same text twice is not.
    last = ctx.table("Header_last").select(
        "CHILD",
        pl.col("DOB").alias("last_DOB"),
        pl.col(raw_name("DOB")).alias(raw_name("last_DOB")),
        # Last year's Header row is named beside this year's.
        pl.col("_row").alias(RELATED_ROW),
        pl.lit("Header" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
    )
    joined = ctx.table("Header").join(last, on="CHILD", how="inner")
    return joined.filter(dates_of_birth_differ("DOB", "last_DOB"))


CASES = [
    Case(
        "a date a day later or a day earlier than last year's is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "23/09/2012"],
                ["8", "24/09/2012"],
                ["10", "22/09/2012"],
            ),
            "Header_last": table(
                ["CHILD", "DOB"],
                ["2", "22/09/2012"],
                ["8", "23/09/2012"],
                ["10", "23/09/2012"],
            ),
        },
        flagged={"Header": [0, 1, 2]},
        related=(
            ("Header", 0, "Header_last", 0),
            ("Header", 1, "Header_last", 1),
            ("Header", 2, "Header_last", 2),
        ),
    ),
    Case(
        "the same date, the same text, and new children are not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "16/03/2015"],
                ["3", "01/01/2010"],
                ["4", ""],
                ["5", "31/02/2011"],
                ["6", "2014-05-05"],
            ),
            "Header_last": table(
                ["CHILD", "DOB"],
                ["1", "16/03/2015"],
                ["4", ""],
                ["5", "31/02/2011"],
                ["6", "2014-05-05"],
                ["9", "01/01/2010"],
            ),
        },
        flagged={},
    ),
    Case(
        "a blank or unreadable date in either year beside a different one is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["4", ""],
                ["5", "31/02/2011"],
                ["6", "05/05/2014"],
                ["7", "05/05/2014"],
                ["8", "30/02/2011"],
            ),
            "Header_last": table(
                ["CHILD", "DOB"],
                ["4", "01/01/2011"],
                ["5", "28/02/2011"],
                ["6", ""],
                ["7", "2014-05-05"],
                ["8", "31/02/2011"],
            ),
        },
        flagged={"Header": [0, 1, 2, 3, 4]},
    ),
]
