"""Rule 519: civil partners whose sex is not coded as a couple."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="519",
    message=(
        "Data entered on the legal status of adopters shows civil partnership couple, but data "
        "entered on genders of adopters does not show it as a couple."
    ),
    tables=["AD1"],
    fields=["LS_ADOPTR", "SEX_ADOPTR"],
    tags=["codes", "adoption"],
)
def civil_partners_not_coded_as_couple(ctx: RuleContext) -> pl.LazyFrame:
    """Adopters who are civil partners (L2) do not have their sex coded as a couple (MM, FF or MF).

    Check the adopters' legal status (LS_ADOPTR) and sex (SEX_ADOPTR) in the adoption record, and
    correct whichever is wrong; a blank sex needs filling in.
    """
    # Civil partnerships have been open to different-sex couples since 2019, so any couple code is
    # accepted. A blank does not show a couple either, so it is flagged.
    partners = pl.col("LS_ADOPTR").is_in(ctx.codes("LS_ADOPTR_CIVIL_PARTNERS")).fill_null(False)
    couple = pl.col("SEX_ADOPTR").is_in(ctx.codes("SEX_ADOPTR_COUPLE")).fill_null(False)
    return ctx.table("AD1").filter(partners & ~couple)


CASES = [
    Case(
        "civil partners coded as a single adopter, left blank or given an unknown code are flagged",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["4", "L2", "M1"],
                ["5", "L2", "F1"],
                ["6", "L2", ""],
                ["9", "L2", "XX"],
            ),
        },
        flagged={"AD1": [0, 1, 2, 3]},
    ),
    Case(
        "civil partners coded as any couple (MM, FF or MF) are not flagged; lower case is",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["1", "L2", "MM"],
                ["2", "l2", "ff"],
                ["3", "L2", "MF"],
            ),
        },
    ),
    Case(
        "other legal statuses, or a blank one, are not checked",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR", "SEX_ADOPTR"],
                ["7", "L0", "M1"],
                ["8", "", "F1"],
                ["10", "L3", "M1"],
                ["11", "", ""],
            ),
        },
    ),
]
