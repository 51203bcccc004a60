"""Rule 517: an unmarried different-sex couple not coded MF."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="517",
    message=(
        "If reporting legal status of adopters is L3 then the genders of adopters should be "
        "coded as MF. MF = the adopting couple are male and female."
    ),
    tables=["AD1"],
    fields=["LS_ADOPTR", "SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def unmarried_mixed_sex_couple_not_coded_mf(ctx: RuleContext) -> pl.LazyFrame:
    """Adopters who are an unmarried male and female couple (L3) are not coded MF.

    Check the adopters' legal status (LS_ADOPTR) and sex (SEX_ADOPTR) in the adoption record, and
    correct whichever is wrong; a blank sex needs filling in.
    """
    # The message says the sex "should be coded as MF", so a blank is flagged too.
    status = pl.col("LS_ADOPTR").is_in(ctx.codes("LS_ADOPTR_UNMARRIED_MIXED_SEX")).fill_null(False)
    coded = pl.col("SEX_ADOPTR").is_in(ctx.codes("SEX_ADOPTR_MIXED_SEX")).fill_null(False)
    return ctx.table("AD1").filter(status & ~coded)


CASES = [
    Case(
        "L3 coded anything but MF, or left blank, is flagged",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["3", "L3", "MM"],
                ["4", "L3", "F1"],
                ["5", "L3", ""],
                ["8", "L3", "XX"],
                ["10", "L3", "FF"],
            ),
        },
        flagged={"AD1": [0, 1, 2, 3, 4]},
    ),
    Case(
        "L3 coded MF is not flagged; nor lower case, which is no code",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"], ["1", "L3", "MF"], ["2", "l3", "mf"]
            ),
        },
    ),
    Case(
        "other legal statuses, or a blank one, are not checked",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["6", "L4", "MM"],
                ["7", "", "FF"],
                ["9", "L2", "MF"],
                ["11", "", ""],
            ),
        },
    ),
]
