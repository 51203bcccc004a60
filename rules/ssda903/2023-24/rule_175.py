"""Rule 175: number of adopters is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="175",
    message="The number of adopter(s) code is not a valid code.",
    tables=["AD1"],
    fields=["NB_ADOPTR"],
    tags=["codes", "adoption"],
)
def number_of_adopters_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The number of adopters (NB_ADOPTR) is not 1 or 2.

    In the adoption (AD1) record, enter 1 for a single adopter or 2 for a couple.
    """
    # A blank is left to rule 151, which checks the adoption items are all given or all blank.
    return ctx.table("AD1").filter(not_in_codes("NB_ADOPTR", ctx.codes("NB_ADOPTR")))


CASES = [
    Case(
        "values other than 1 and 2, 0 and 3 included, are flagged",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR"],
                ["3", "0"],
                ["4", "3"],
                ["5", "01"],
            )
        },
        flagged={"AD1": [0, 1, 2]},
    ),
    Case(
        "1, 2 and a blank are not flagged",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR"],
                ["1", "1"],
                ["2", "2"],
                ["6", ""],
            )
        },
        flagged={},
    ),
]
