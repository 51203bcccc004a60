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
    """Adoption (AD1) or care leaver (OC3) data is given for a child in care all year.

    A child still in care on 31 March who was looked after all year has neither been adopted
    nor left care in the year. Both kinds of record are flagged; remove them or check the
    child's episodes.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # A missing AD1 or OC3 file means no such records.
    cohort = oc2_cohort(ctx)
    adopted = pl.any_horizontal(
        [pl.col(raw_name(c) if c.startswith("DATE_") else c).is_not_null() for c in ADOPTION]
    )
    left_care = pl.any_horizontal([pl.col(c).is_not_null() for c in CARE_LEAVER])
    return {
        "AD1": ctx.table_or_empty("AD1").filter(adopted).join(cohort, on="CHILD", how="semi"),
        "OC3": ctx.table_or_empty("OC3").filter(left_care).join(cohort, on="CHILD", how="semi"),
    }


# The OC2 cohort is read from DfE's codes, so slips in the dates keep children 1-4 in it (an
# overlap, a short gap, unreadable dates, an earlier episode left open), while child 5 left care
# (REC E13) although a same-day continuation follows.
COHORT_SLIPS = table(
    ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
    ["1", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["1", "05/06/2024", "P", "C2", "", ""],
    ["2", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["2", "13/06/2024", "P", "C2", "", ""],
    ["3", "01/01/2022", "S", "C2", "31/06/2024", "X1"],
    ["3", "31/06/2024", "P", "C2", "", ""],
    ["4", "01/01/2022", "S", "C2", "", ""],
    ["4", "10/06/2024", "P", "C2", "", ""],
    ["5", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
    ["5", "10/06/2024", "P", "C2", "", ""],
)


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
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["2", "YES"],
                ["3", "YES"],
                ["4", "YES"],
                ["5", "YES"],
            ),
        },
        flagged={"OC3": [0, 1, 2, 3]},
        period="2024-25",
    ),
    Case(
        "only an end date ends care: a reason ceased with no end date"
        " keeps the child in the cohort, an end date (even unreadable) does not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "", "E13"],
                ["2", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
                ["3", "01/01/2022", "S", "C2", "31/06/2024", "E13"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["2", "YES"],
                ["3", "YES"],
            ),
        },
        flagged={"OC3": [0]},
        period="2024-25",
    ),
]
