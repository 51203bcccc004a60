"""Rule 134: a care leaver in the OC3 cohort also has adoption data."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)

ADOPTION = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
CARE_LEAVER = ["IN_TOUCH", "ACTIV", "ACCOM"]


@rule(
    code="134",
    message="Data on adoption should not be entered for the OC3 cohort.",
    tables=["AD1", "OC3"],
    fields=[*CARE_LEAVER, *ADOPTION],
    tags=["adoption", "care leavers"],
)
def adoption_data_for_care_leaver(ctx: RuleContext) -> pl.LazyFrame:
    """A young person with care leaver (OC3) information also has adoption (AD1) information.

    A care leaver left care at 18 and was not adopted from it: check which record belongs to the
    child, and remove the adoption details or the care leaver details.
    """
    # Any OC3 item given makes a care leaver; any AD1 item given counts as adoption data. The AD1
    # record is blamed; a missing OC3 file means no care leavers.
    adopted = pl.any_horizontal(
        [pl.col(raw_name(c) if c.startswith("DATE_") else c).is_not_null() for c in ADOPTION]
    )
    care_leavers = ctx.table_or_empty("OC3").filter(
        pl.any_horizontal([pl.col(c).is_not_null() for c in CARE_LEAVER])
    )
    # The child's OC3 record is named beside the AD1 record.
    named = care_leavers.select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("OC3").alias(RELATED_TABLE)
    )
    return ctx.table("AD1").filter(adopted).join(named, on="CHILD", how="inner")


CASES = [
    Case(
        "adoption data for a child with care-leaver data is flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT", "FOSTER_CARE"],
                ["1", "01/02/2022", "0"],
                ["2", "01/02/2022", "0"],
                ["3", "", ""],
                ["4", "", "1"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "", "", ""],
                ["3", "YES", "F1", "B1"],
                ["4", "", "", "Z2"],
            ),
        },
        flagged={"AD1": [0, 3]},
        related=(("AD1", 0, "OC3", 0), ("AD1", 3, "OC3", 3)),
    ),
    Case(
        "without an OC3 file nothing is flagged",
        tables={"AD1": table(["CHILD", "DATE_INT"], ["1", "01/02/2022"])},
    ),
]
