"""Rule 203: date of birth differs from the one recorded for the child last year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


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
    # A blank or unreadable date this year fails rule 102 (DfE stage 1) and is not compared; a blank
    # or unreadable date last year records nothing to disagree with.
    # NOTE: the peer compares the text, so it also flags a DOB that fails stage 1 (102).
    last = ctx.table("Header_last").select("CHILD", pl.col("DOB").alias("last_DOB"))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child new this year a blank
    # last-year value, and the filter drops a comparison with a blank, as the inner join drops it.
    joined = ctx.table("Header").join(last, on="CHILD", how="inner")
    return joined.filter(pl.col("DOB") != pl.col("last_DOB"))


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
    ),
    Case(
        "the same date, new children, and blank or unreadable dates in either year are not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "16/03/2015"],
                ["3", "01/01/2010"],
                ["4", ""],
                ["5", "31/02/2011"],
                ["6", "05/05/2014"],
                ["7", "05/05/2014"],
            ),
            "Header_last": table(
                ["CHILD", "DOB"],
                ["1", "16/03/2015"],
                ["4", "01/01/2011"],
                ["5", "28/02/2011"],
                ["6", ""],
                ["7", "2014-05-05"],
                ["9", "01/01/2010"],
            ),
        },
        flagged={},
    ),
]
