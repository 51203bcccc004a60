"""Rule CSC030: date of birth or sex differs from a return before last year's."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE's codes for sex over the years: 1 and 2 up to 2023-24, M and F from 2024-25 (U, unknown,
# and anything else is not compared).
SEX_MEANING = {"1": "male", "M": "male", "2": "female", "F": "female"}


def _sex(column: str) -> pl.Expr:
    return pl.col(column).replace_strict(SEX_MEANING, default=None, return_dtype=pl.String)


@rule(
    code="CSC030",
    message="Date of birth or sex differs from the one recorded for this child in an earlier "
    "year's return.",
    tables=["Header", "Header_last"],
    fields=["DOB", "SEX"],
    tags=["previous-year", "dates"],
)
def identity_differs_from_earlier_years(ctx: RuleContext) -> pl.LazyFrame:
    """The child's date of birth or sex differs from a return from before last year.

    Rules 202 and 203 compare with last year's return; this compares with each earlier year's
    return given with --previous. A child's date of birth and sex do not change between returns:
    check the case record, and correct whichever year's is wrong.
    """
    # A blank CHILD identifies no one: the join never matches blanks, so such rows are not
    # compared between years.
    # Blank or unreadable values, and sex U, record nothing to disagree with. Last year's rows are
    # left to 202 and 203, so a difference is reported once.
    earlier = (
        ctx.history("Header", required=False)
        # Equivalent mutant (ReplaceComparisonOperator_NotEq_Lt): every earlier return is from
        # before last year, so its year sorts before last year's and `<` keeps what `!=` keeps.
        .filter(pl.col("_year") != ctx.previous_period.year)
        .select("CHILD", pl.col("DOB").alias("earlier_DOB"), _sex("SEX").alias("earlier_sex"))
    )
    differs = (pl.col("DOB") != pl.col("earlier_DOB")) | (
        _sex("SEX") != pl.col("earlier_sex")
    ).fill_null(False)
    # Equivalent mutant (ReplaceKeywordValue): a left join only adds children with no earlier
    # row, whose earlier date and sex are blank, so `differs` is blank and the filter drops them.
    offending = ctx.table("Header").join(earlier, on="CHILD", how="inner").filter(differs)
    return ctx.table("Header").join(offending.select("_row").unique(), on="_row", how="semi")


HEADER = ["CHILD", "SEX", "DOB"]

CASES = [
    Case(
        "a date of birth or sex differing from two years back is flagged; last year's is 203's",
        period="2025-26",
        tables={
            "Header": table(
                HEADER,
                ["1", "M", "01/01/2015"],
                ["2", "F", "02/01/2015"],
                ["3", "F", "01/01/2015"],
                ["4", "M", "01/01/2015"],
                ["5", "U", "01/01/2015"],
                ["6", "M", ""],
                ["7", "F", "01/01/2015"],
            ),
            "Header_last": table(HEADER, ["7", "F", "05/05/2015"]),
        },
        earlier={
            "2023-24": {
                "Header": table(
                    HEADER,
                    ["1", "1", "01/01/2015"],
                    ["2", "2", "01/01/2015"],
                    ["3", "1", "01/01/2015"],
                    ["4", "", "31/02/2015"],
                    ["5", "1", "01/01/2015"],
                    ["6", "1", "01/01/2015"],
                ),
            },
            "2022-23": {
                "Header": table(HEADER, ["1", "1", "02/01/2015"], ["7", "2", "01/01/2015"])
            },
        },
        # 1: DOB three years back; 2: DOB; 3: sex; 4 and 6 have nothing readable to compare;
        # 5 is U this year; 7 differs from last year only, which is 203's.
        flagged={"Header": [0, 1, 2]},
    ),
    Case(
        "the same child in every year, and a child new this year, are not flagged",
        period="2025-26",
        tables={
            "Header": table(HEADER, ["1", "F", "01/01/2015"], ["9", "M", "01/01/2020"]),
            "Header_last": table(HEADER, ["1", "F", "01/01/2015"]),
        },
        earlier={"2023-24": {"Header": table(HEADER, ["1", "2", "01/01/2015"])}},
        flagged={},
    ),
    Case(
        "a child now male once female, or differing in both, is flagged without last year's",
        period="2025-26",
        tables={"Header": table(HEADER, ["10", "M", "01/01/2015"], ["11", "M", "01/01/2015"])},
        earlier={
            "2023-24": {
                "Header": table(HEADER, ["10", "2", "03/01/2015"], ["11", "2", "01/01/2015"])
            }
        },
        flagged={"Header": [0, 1]},
    ),
    Case(
        "rows with a blank CHILD are never matched between years; the same real child is",
        period="2025-26",
        tables={
            "Header": table(
                HEADER, ["", "M", "01/01/2015"], [" ", "F", "01/01/2016"], ["12", "M", "01/01/2015"]
            ),
        },
        earlier={
            "2023-24": {
                "Header": table(
                    HEADER,
                    ["", "2", "05/05/2014"],
                    [" ", "1", "06/06/2013"],
                    ["12", "2", "01/01/2015"],
                )
            }
        },
        flagged={"Header": [2]},
    ),
    Case(
        "without earlier years' returns nothing is compared",
        period="2025-26",
        tables={
            "Header": table(HEADER, ["1", "F", "01/01/2015"]),
            "Header_last": table(HEADER, ["1", "M", "01/01/2016"]),
        },
        flagged={},
    ),
    Case(
        "children with blank IDs are never matched with a blank-ID child of an earlier year",
        period="2025-26",
        tables={
            "Header": table(
                HEADER, ["", "M", "01/01/2015"], ["", "F", "01/01/2016"], ["12", "M", "01/01/2015"]
            ),
        },
        earlier={
            "2023-24": {
                "Header": table(
                    HEADER,
                    ["", "2", "01/01/2014"],
                    ["12", "1", "05/01/2015"],
                    ["13", "2", "01/01/2016"],
                )
            },
            "2022-23": {"Header": table(HEADER, ["", "1", "01/01/2015"])},
        },
        # Only 12, whose ID is given in both years, is compared.
        flagged={"Header": [2]},
    ),
]
