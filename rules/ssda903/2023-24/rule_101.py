"""Rule 101: sex missing or not in the year's code list (1/2 until 2023-24, M/F/U from 2024-25)."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

# DfE 2024-25 moved SEX from the numeric 1/2 to M/F/U (U queried by rule 232): the year's schema
# gives the codes, and the 2024-25 pack.toml the new wording.
FROM_2024 = from_year("ssda903", "2024-25")


@rule(
    code="101",
    message="Gender code is not valid.",
    tables=["Header"],
    fields=["SEX"],
    tags=["codes"],
)
def sex_missing_or_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The child's sex (SEX) is blank or not one of the year's codes.

    Record the child's sex with a code from the year's list (1 male, 2 female until 2023-24).
    """
    # DfE publishes looked-after statistics by sex; a blank counts as invalid.
    sex = pl.col("SEX")
    return ctx.table("Header").filter(sex.is_null() | ~sex.is_in(ctx.codes("SEX")))


CASES = [
    Case(
        "a blank sex or a code not in the year's list is flagged",
        years=("2023-24",),
        tables={"Header": table(["CHILD", "SEX"], ["3", ""], ["4", "M"], ["5", "3"], ["6", "0"])},
        flagged={"Header": [0, 1, 2, 3]},
    ),
    Case(
        "the year's codes 1 and 2 are not flagged",
        years=("2023-24",),
        tables={"Header": table(["CHILD", "SEX"], ["1", "1"], ["2", "2"])},
        flagged={},
    ),
    Case(
        "old numeric codes, blanks and unknown letters are flagged",
        years=FROM_2024,
        tables={
            "Header": table(
                ["CHILD", "SEX"],
                ["1", "M"],
                ["2", "f"],
                ["3", "U"],
                ["4", "1"],
                ["5", ""],
                ["6", "X"],
            )
        },
        flagged={"Header": [1, 3, 4, 5]},
    ),
    Case(
        "F passes; lower case, the old 2 and words are flagged",
        years=FROM_2024,
        tables={
            "Header": table(
                ["CHILD", "SEX"],
                ["1", "F"],
                ["2", "m"],
                ["3", "u"],
                ["4", "2"],
                ["5", "Male"],
                ["6", "0"],
            )
        },
        flagged={"Header": [1, 2, 3, 4, 5]},
    ),
]
