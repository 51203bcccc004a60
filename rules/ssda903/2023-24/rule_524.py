"""Rule 524: a same-sex married couple not coded MM or FF."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="524",
    message=(
        "If reporting legal status of adopters is L12 then the genders of adopters should be "
        "coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are "
        "both females"
    ),
    tables=["AD1"],
    fields=["LS_ADOPTR", "SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def same_sex_married_couple_not_coded_same_sex(ctx: RuleContext) -> pl.LazyFrame:
    """Adopters who are a married same-sex couple (L12) are not coded MM or FF.

    Check the adopters' legal status (LS_ADOPTR) and sex (SEX_ADOPTR) in the adoption record, and
    correct whichever is wrong; a blank sex needs filling in.
    """
    # The message says the sex "should be coded as MM or FF", so a blank is flagged too.
    married = pl.col("LS_ADOPTR").is_in(ctx.codes("LS_ADOPTR_MARRIED_SAME_SEX")).fill_null(False)
    coded = pl.col("SEX_ADOPTR").is_in(ctx.codes("SEX_ADOPTR_SAME_SEX")).fill_null(False)
    return ctx.table("AD1").filter(married & ~coded)


CASES = [
    Case(
        "L12 coded anything but MM or FF, or left blank, is flagged",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["3", "L12", "MF"],
                ["4", "L12", "F1"],
                ["5", "L12", ""],
                ["8", "L12", "XX"],
                ["10", "L12", "M1"],
            ),
        },
        flagged={"AD1": [0, 1, 2, 3, 4]},
    ),
    Case(
        "L12 coded MM or FF is not flagged; nor lower case, which is no code",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"], ["1", "L12", "MM"], ["2", "l12", "ff"]
            ),
        },
    ),
    Case(
        "other legal statuses, or a blank one, are not checked",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["6", "L11", "MF"],
                ["7", "", "MF"],
                ["9", "L4", "MF"],
                ["11", "", ""],
            ),
        },
    ),
]
