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
        "a single adopter coded as a couple is flagged",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["1", "L0", "M1"],
                ["2", "L0", "F1"],
                ["3", "L0", "MM"],
                ["4", "l0", "FF"],
                ["5", "L0", "MF"],
                ["6", "L0", ""],
                ["7", "L11", "MF"],
                ["8", "", "MM"],
                ["9", "L0", "XX"],
                ["10", "L12", "FF"],
                ["11", "", ""],
            )
        },
        flagged={"AD1": [2, 3, 4]},
    ),
]
