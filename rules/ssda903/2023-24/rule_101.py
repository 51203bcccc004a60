"""Rule 101: sex missing or not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


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
        tables={"Header": table(["CHILD", "SEX"], ["3", ""], ["4", "M"], ["5", "3"], ["6", "0"])},
        flagged={"Header": [0, 1, 2, 3]},
    ),
    Case(
        "the year's codes 1 and 2 are not flagged",
        tables={"Header": table(["CHILD", "SEX"], ["1", "1"], ["2", "2"])},
        flagged={},
    ),
]
