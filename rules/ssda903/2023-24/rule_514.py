"""Rule 514: a single adopter whose sex is coded as a couple."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="514",
    message=(
        "Data entry on the legal status of adopters shows a single adopter but data entry for "
        "the numbers of adopters shows it as a couple."
    ),
    tables=["AD1"],
    fields=["LS_ADOPTR", "SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def single_adopter_coded_as_couple(ctx: RuleContext) -> pl.LazyFrame:
    """A single adopter (legal status L0) has the adopters' sex coded as a couple (MM, FF or MF).

    Check the adopters' legal status (LS_ADOPTR) and sex (SEX_ADOPTR) in the adoption record, and
    correct whichever is wrong.
    """
    # The message names the contradiction, a single adopter recorded as a couple, so only couple
    # codes are flagged. NOTE: the peer also flags a blank or unknown SEX_ADOPTR; we leave blanks to
    # rule 151 and codes outside the list to rule 176.
    single = pl.col("LS_ADOPTR").is_in(ctx.codes("LS_ADOPTR_SINGLE")).fill_null(False)
    couple = pl.col("SEX_ADOPTR").is_in(ctx.codes("SEX_ADOPTR_COUPLE")).fill_null(False)
    return ctx.table("AD1").filter(single & couple)


CASES = [
    Case(
        "a single adopter (L0) coded as a couple (MM, FF or MF) is flagged",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["3", "L0", "MM"],
                ["4", "l0", "FF"],
                ["5", "L0", "MF"],
            ),
        },
        flagged={"AD1": [0, 2]},
    ),
    Case(
        "a single adopter coded M1, F1, blank or unknown is not flagged here",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["1", "L0", "M1"],
                ["2", "L0", "F1"],
                ["6", "L0", ""],
                ["9", "L0", "XX"],
            ),
        },
    ),
    Case(
        "adopters who are a couple, or a blank legal status, are not checked",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["7", "L11", "MF"],
                ["8", "", "MM"],
                ["10", "L12", "FF"],
                ["11", "", ""],
            ),
        },
    ),
]
