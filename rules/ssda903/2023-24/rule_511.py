"""Rule 511: two adopters, but the adopters' sex is not coded as a couple."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="511",
    message=(
        "If reporting that the number of person(s) adopting the looked after child is two "
        "adopters then the code should only be MM, FF or MF. MM = the adopting couple are both "
        "males; FF = the adopting couple are both females; MF = The adopting couple are male and "
        "female."
    ),
    tables=["AD1"],
    fields=["NB_ADOPTR", "SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def two_adopters_not_coded_as_couple(ctx: RuleContext) -> pl.LazyFrame:
    """Two adopters are recorded, but the adopters' sex is not a couple's code (MM, FF or MF).

    Check the number of adopters (NB_ADOPTR) and their sex (SEX_ADOPTR) in the adoption record, and
    correct whichever is wrong.
    """
    # NOTE: DfE's message says the code "should only be" one of the couple codes, so a blank
    # SEX_ADOPTR is flagged as well as a single adopter's code (M1, F1). The peer flags only M1 and
    # F1; we follow the message.
    two = pl.col("NB_ADOPTR").is_in(ctx.codes("NB_ADOPTR_COUPLE")).fill_null(False)
    couple = pl.col("SEX_ADOPTR").is_in(ctx.codes("SEX_ADOPTR_COUPLE")).fill_null(False)
    return ctx.table("AD1").filter(two & ~couple)


CASES = [
    Case(
        "two adopters coded as a single adopter, left blank or given an unknown code are flagged",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR", "SEX_ADOPTR"],
                ["4", "2", "M1"],
                ["5", "2", "F1"],
                ["6", "2", ""],
                ["12", "2", "XX"],
            ),
        },
        flagged={"AD1": [0, 1, 2, 3]},
    ),
    Case(
        "two adopters coded as a couple are not flagged; lower case is",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR", "SEX_ADOPTR"],
                ["1", "2", "MM"],
                ["2", "2", "ff"],
                ["3", "2", "MF"],
            ),
        },
        flagged={"AD1": [1]},
    ),
    Case(
        "one adopter, or a blank or other number of adopters, is not checked here",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR", "SEX_ADOPTR"],
                ["7", "1", "M1"],
                ["8", "1", "MF"],
                ["9", "", "F1"],
                ["10", "3", "M1"],
                ["11", "", ""],
            ),
        },
    ),
]
