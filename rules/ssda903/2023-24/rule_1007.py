"""Rule 1007: care leaver information for a 17- or 18-year-old who is still looked after."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    age_on,
    by_content,
    rule,
    table,
)


@rule(
    code="1007",
    message=(
        "Care leaver information is not required for 17- or 18-year olds who are still looked "
        "after [on their 17th or 18th birthday.]"
    ),
    tables=["OC3", "Episodes"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_while_still_looked_after(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver (OC3) information is given for a 17- or 18-year-old who is still looked after.

    The young person's latest episode has no end date or no reason for ending, so they have not left
    care: complete the episode's end if they left care, or remove the OC3 details.
    """
    # NOTE: the peer fails on any DEC or DECOM it cannot read (rules 141 and 147 report those).
    # DfE's check takes the child's current (latest) episode and treats it as open when its end date
    # or its reason for ending is blank. Age at 31 March comes from OC3's DOB; a blank DOB is not
    # tested.
    current = (
        ctx.table("Episodes")
        .sort(["CHILD", "DECOM", "DEC", by_content()], nulls_last=True)
        # Equivalent mutant (ReplaceTrueWithFalse): keep="last" picks by the sorted order whatever
        # the output order, and the join below does not depend on row order.
        .unique("CHILD", keep="last", maintain_order=True)
    )
    # The open episode is named beside the OC3 row.
    still_open = current.filter(pl.col("DEC").is_null() | pl.col("REC").is_null()).select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE)
    )
    age = age_on(pl.col("DOB"), ctx.end)
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    care_leavers = ctx.table("OC3").filter(provided & age.is_between(17, 18))
    return care_leavers.join(still_open, on="CHILD", how="inner")


CASES = [
    Case(
        "a current episode with no end date or no reason for ending is flagged; a closed one not",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/01/2024", "01/02/2025", "X1"],
                ["1", "01/02/2025", "", ""],
                ["2", "01/01/2024", "01/02/2025", "E13"],
                ["3", "01/01/2024", "01/02/2025", ""],
                ["10", "01/01/2024", "", ""],
                ["10", "01/02/2025", "01/03/2025", "E13"],
                ["11", "01/01/2024", "", "E13"],
                ["12", "01/02/2025", "01/03/2025", "E13"],
                ["12", "01/01/2024", "", ""],
                ["13", "01/02/2025", "", ""],
                ["13", "01/01/2024", "01/02/2025", "X1"],
            ),
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "31/03/2009", "YES", "F1", "B1"],
                ["2", "31/03/2009", "YES", "F1", "B1"],
                ["3", "01/04/2007", "YES", "F1", "B1"],
                ["10", "31/03/2009", "YES", "F1", "B1"],
                ["11", "31/03/2009", "YES", "F1", "B1"],
                ["12", "31/03/2009", "YES", "F1", "B1"],
                ["13", "31/03/2009", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [0, 2, 4, 6]},
        related=(
            ("OC3", 0, "Episodes", 1),
            ("OC3", 2, "Episodes", 3),
            ("OC3", 4, "Episodes", 6),
            ("OC3", 6, "Episodes", 9),
        ),
    ),
    Case(
        "only 17- and 18-year-olds at 31 March with a readable DOB and any OC3 item are flagged",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["3", "01/01/2024", "", ""],
                ["4", "01/01/2024", "", ""],
                ["5", "01/01/2024", "", ""],
                ["6", "01/01/2024", "", ""],
                ["7", "01/01/2024", "", ""],
                ["9", "01/01/2024", "", ""],
                ["14", "01/01/2024", "", ""],
                ["15", "01/01/2024", "", ""],
            ),
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["3", "01/04/2007", "YES", "F1", "B1"],
                ["4", "01/04/2009", "YES", "F1", "B1"],
                ["5", "31/03/2007", "YES", "F1", "B1"],
                ["6", "", "YES", "F1", "B1"],
                ["7", "31/03/2009", "", "", ""],
                ["8", "31/03/2009", "YES", "F1", "B1"],
                ["9", "31/02/2009", "YES", "F1", "B1"],
                ["14", "31/03/2009", "", "F1", ""],
                ["15", "31/03/2009", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [0, 7, 8]},
    ),
    Case(
        "an episode with a blank start sorts last, so it is the current one",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["16", "01/01/2024", "01/02/2025", "E13"],
                ["16", "", "", ""],
            ),
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["16", "31/03/2009", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [0]},
    ),
]
