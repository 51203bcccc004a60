"""Rule 520: a different-sex married couple coded as a same-sex couple."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="520",
    message=(
        "Data entry on the legal status of adopters shows different gender married couple but "
        "data entry on genders of adopters shows it as a same gender couple."
    ),
    tables=["AD1"],
    fields=["LS_ADOPTR", "SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def mixed_sex_married_couple_coded_same_sex(ctx: RuleContext) -> pl.LazyFrame:
    """Adopters who are a married male and female couple (L11) are coded as same-sex (MM or FF).

    Check the adopters' legal status (LS_ADOPTR) and sex (SEX_ADOPTR) in the adoption record, and
    correct whichever is wrong.
    """
    # The message names the contradiction, a same-sex code for a different-sex marriage, so only MM
    # and FF are flagged. NOTE: the peer flags anything but MF, including blanks and single
    # adopters' codes; DfE's wording decides.
    married = pl.col("LS_ADOPTR").is_in(ctx.codes("LS_ADOPTR_MARRIED_MIXED_SEX")).fill_null(False)
    same_sex = pl.col("SEX_ADOPTR").is_in(ctx.codes("SEX_ADOPTR_SAME_SEX")).fill_null(False)
    return ctx.table("AD1").filter(married & same_sex)


CASES = [
    Case(
        "L11 coded MM or FF is flagged, written as DfE writes the codes",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"], ["2", "L11", "MM"], ["3", "l11", "ff"]
            ),
        },
        flagged={"AD1": [0]},
    ),
    Case(
        "L11 coded MF, a single adopter's code, blank or unknown is not flagged here",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["1", "L11", "MF"],
                ["4", "L11", "M1"],
                ["5", "L11", ""],
                ["8", "L11", "XX"],
                ["10", "L11", "F1"],
            ),
        },
    ),
    Case(
        "other legal statuses, or a blank one, are not checked",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["6", "L12", "MM"],
                ["7", "", "FF"],
                ["9", "L12", "FF"],
            ),
        },
    ),
]
