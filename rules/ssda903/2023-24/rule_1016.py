"""Rule 1016: care leaver information for a 17- or 18-year-old who left care after the birthday."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    age_on,
    birthday,
    by_content,
    rule,
    table,
)


@rule(
    code="1016",
    message=(
        "Care leaver information is not required for 17- or 18-year olds who cease to be looked "
        "after, after their birthday."
    ),
    tables=["OC3", "Episodes"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_after_leaving_care_past_birthday(ctx: RuleContext) -> pl.LazyFrame:
    """A 17- or 18-year-old with care leaver (OC3) information left care after that birthday.

    The young person was still looked after on their birthday in the year, so they were not a care
    leaver then: check the end date of their latest episode and the date of birth, or remove the OC3
    details.
    """
    # NOTE: "after" is read strictly: leaving care on the birthday itself (as at 18) is not flagged.
    # The birthday is the 17th or 18th that falls in the collection year. Age comes from OC3's DOB;
    # a blank DOB or a blank end date is not tested (rule 1007 covers episodes still open).
    current = (
        ctx.table("Episodes")
        .sort(["CHILD", "DECOM", "DEC", by_content()], nulls_last=True)
        # Equivalent mutant (ReplaceTrueWithFalse): keep="last" picks by the sorted order whatever
        # the output order, and the join below does not depend on row order.
        .unique("CHILD", keep="last", maintain_order=True)
        # The latest episode is named beside the OC3 row.
        .select(
            "CHILD",
            "DEC",
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Episodes").alias(RELATED_TABLE),
        )
    )
    dob = pl.col("DOB")
    age = age_on(dob, ctx.end)
    # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE): only ages 17 and 18 are kept below,
    # and for those <= 17 is == 17.
    birthday_in_year = pl.when(age == 17).then(birthday(dob, 17)).otherwise(birthday(dob, 18))
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    care_leavers = ctx.table("OC3").filter(provided & age.is_between(17, 18))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a young person with no episode
    # a null DEC, and the comparison with null drops the row just as the inner join does.
    return care_leavers.join(current, on="CHILD", how="inner").filter(
        pl.col("DEC") > birthday_in_year
    )


CASES = [
    Case(
        "leaving care the day after the birthday is flagged; on the birthday or before it is not",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/01/2024", "11/06/2025"],
                ["2", "01/01/2024", "10/06/2025"],
                ["3", "01/01/2024", "11/06/2025"],
                ["5", "01/01/2024", ""],
                ["8", "01/01/2024", "31/03/2026"],
                ["9", "01/01/2024", "10/06/2025"],
                ["11", "01/01/2024", "31/06/2025"],
                ["13", "01/05/2025", "11/06/2025"],
                ["13", "01/01/2024", "30/04/2025"],
                ["14", "01/01/2024", "09/06/2025"],
            ),
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "10/06/2008", "YES", "F1", "B1"],
                ["2", "10/06/2008", "YES", "F1", "B1"],
                ["3", "10/06/2007", "YES", "F1", "B1"],
                ["5", "10/06/2008", "YES", "F1", "B1"],
                ["8", "31/03/2009", "NO", "0", "0"],
                ["9", "10/06/2007", "YES", "F1", "B1"],
                ["11", "10/06/2008", "YES", "F1", "B1"],
                ["13", "10/06/2008", "YES", "F1", "B1"],
                ["14", "10/06/2008", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [0, 2, 7]},
        related=(("OC3", 0, "Episodes", 0), ("OC3", 2, "Episodes", 2), ("OC3", 7, "Episodes", 7)),
    ),
    Case(
        "only 17- and 18-year-olds with a readable DOB, an episode and an OC3 item are tested",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["4", "01/01/2024", "11/06/2025"],
                ["6", "01/01/2024", "11/06/2025"],
                ["7", "01/01/2020", "01/01/2021"],
                ["7", "01/01/2024", "11/06/2025"],
                ["10", "01/01/2024", "11/06/2025"],
                ["15", "01/01/2024", "11/06/2027"],
                ["16", "01/01/2024", "11/06/2025"],
            ),
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["4", "10/06/2006", "YES", "F1", "B1"],
                ["6", "", "YES", "F1", "B1"],
                ["7", "10/06/2008", "", "", ""],
                ["10", "31/02/2008", "YES", "F1", "B1"],
                ["12", "10/06/2008", "YES", "F1", "B1"],
                ["15", "10/06/2009", "YES", "F1", "B1"],
                ["16", "10/06/2008", "", "", "B1"],
            ),
        },
        flagged={"OC3": [6]},
        related=(("OC3", 6, "Episodes", 6),),
    ),
    Case(
        "an episode with a blank start sorts last, so its end is the one compared",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["17", "01/01/2024", "11/06/2025"],
                ["17", "", "01/05/2025"],
            ),
            "OC3": table(
                ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["17", "10/06/2008", "YES", "F1", "B1"],
            ),
        },
    ),
]
