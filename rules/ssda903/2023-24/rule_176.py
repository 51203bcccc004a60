"""Rule 176: sex of the adopters is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="176",
    message=("The gender of adopter(s) at the date of adoption code is not a valid code."),
    tables=["AD1"],
    fields=["SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def adopters_sex_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The sex of the adopters (SEX_ADOPTR) is not one of DfE's codes.

    In the adoption (AD1) record, choose one of M1, F1, MM, FF or MF.
    """
    # A blank is left to rule 151, which checks the adoption items are all given or all blank.
    return ctx.table("AD1").filter(not_in_codes("SEX_ADOPTR", ctx.codes("SEX_ADOPTR")))


CASES = [
    Case(
        "codes that are not M1, F1, MM, FF or MF are flagged",
        tables={
            "AD1": table(
                ["CHILD", "SEX_ADOPTR"],
                ["3", "FM"],
                ["4", "M"],
            )
        },
        flagged={"AD1": [0, 1]},
    ),
    Case(
        "DfE's codes and a blank are not flagged; lower case is not DfE's code",
        tables={
            "AD1": table(
                ["CHILD", "SEX_ADOPTR"],
                ["1", "M1"],
                ["2", "mf"],
                ["5", ""],
            )
        },
        flagged={"AD1": [1]},
    ),
]
