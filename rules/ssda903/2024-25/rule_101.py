"""Rule 101 (2024-25): sex coded M, F or U."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="101",
    message="The child or young person’s reported sex is not valid.",
    tables=["Header"],
    fields=["SEX"],
    tags=["codes"],
)
def sex_missing_or_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The child's sex (SEX) is blank or not M, F or U.

    Record the child's sex as M (male), F (female) or U (unknown).
    """
    # DfE 2024-25 moved SEX from the numeric 1/2 to M/F/U (U queried by rule 232); the codes come
    # from the year's code list.
    sex = pl.col("SEX")
    return ctx.table("Header").filter(sex.is_null() | ~sex.is_in(ctx.codes("SEX")))


CASES = [
    Case(
        "old numeric codes, blanks and unknown letters are flagged",
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
