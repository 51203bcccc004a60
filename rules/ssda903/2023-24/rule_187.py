"""Rule 187: a child in the OC2 cohort has adoption or care-leaver data."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table

ADOPTION = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
CARE_LEAVER = ["IN_TOUCH", "ACTIV", "ACCOM"]


@rule(
    code="187",
    message=(
        "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any "
        "of adoption or care leavers returns completed."
    ),
    tables=["AD1", "OC3", "Episodes"],
    fields=[*ADOPTION, *CARE_LEAVER],
    tags=["outcomes", "adoption", "care leavers"],
)
def adoption_or_care_leaver_data_in_oc2_cohort(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child looked after continuously for 12 months at 31 March has no AD1 or OC3 item
    given.

    Why: a child still in care on 31 March has neither been adopted nor left care in the year.
    Both records are blamed; a missing AD1 or OC3 file means no such records.
    """
    cohort = oc2_cohort(ctx)
    adopted = pl.any_horizontal(
        [pl.col(raw_name(c) if c.startswith("DATE_") else c).is_not_null() for c in ADOPTION]
    )
    left_care = pl.any_horizontal([pl.col(c).is_not_null() for c in CARE_LEAVER])
    return {
        "AD1": ctx.table_or_empty("AD1").filter(adopted).join(cohort, on="CHILD", how="semi"),
        "OC3": ctx.table_or_empty("OC3").filter(left_care).join(cohort, on="CHILD", how="semi"),
    }


CASES = [
    Case(
        "adoption and care-leaver records of children in care all year are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2020", "S", "C2", "", ""],
                ["2", "01/01/2020", "S", "C2", "31/03/2024", "E11"],
                ["3", "01/01/2020", "S", "C2", "", ""],
            ),
            "AD1": table(
                ["CHILD", "DATE_INT", "NB_ADOPTR"],
                ["1", "01/02/2022", "1"],
                ["2", "01/02/2022", "1"],
                ["3", "", ""],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "", ""],
                ["2", "YES", "F1", "B1"],
                ["3", "", "", ""],
            ),
        },
        flagged={"AD1": [0], "OC3": [0]},
        period="2023-24",
    ),
    Case(
        "without AD1 and OC3 files nothing is flagged",
        tables={
            "Episodes": table(["CHILD", "DECOM", "RNE", "LS"], ["1", "01/01/2020", "S", "C2"]),
        },
        period="2023-24",
    ),
]
