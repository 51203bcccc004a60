"""Rule 628: mother status given for a care leaver not looked after this year."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="628",
    message=(
        "Motherhood details are not required for care leavers who have not been looked"
        " after during the year."
    ),
    tables=["Header", "Episodes", "OC3"],
    fields=["MOTHER"],
    tags=["header", "care-leavers"],
)
def mother_status_for_care_leaver_only(ctx: RuleContext) -> pl.LazyFrame:
    """Mother status is given for a care leaver who was not looked after during the year.

    Mother status is collected only for children looked after during the year: leave MOTHER blank
    for this young person, or add the missing episode.
    """
    # Flagged: a child with no episode this year but with care leaver details (OC3) and MOTHER
    # filled in. The OC3 row counts when any of IN_TOUCH, ACTIV or ACCOM is filled in; no OC3 file
    # means no care leavers.
    leavers = ctx.table_or_empty("OC3").filter(
        pl.any_horizontal(pl.col(c).is_not_null() for c in ["IN_TOUCH", "ACTIV", "ACCOM"])
    )
    looked_after = ctx.table("Episodes").select("CHILD").unique()
    flagged = (
        ctx.table("Header")
        .filter(pl.col("MOTHER").is_not_null())
        .join(leavers.select("CHILD"), on="CHILD", how="semi")
        .join(looked_after, on="CHILD", how="anti")
    )
    # The care leaver's OC3 row, which shows she is not looked after, is named beside it.
    return beside(flagged, leavers, "OC3")


CASES = [
    Case(
        "a care leaver with no episode this year and MOTHER filled in is flagged",
        tables={
            "Header": table(
                ["CHILD", "MOTHER"],
                ["1", "0"],
                ["2", "1"],
                ["3", ""],
                ["4", "1"],
                ["5", "1"],
            ),
            "Episodes": table(["CHILD"], ["2"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["2", "YES", "F1", "B1"],
                ["3", "YES", "", ""],
                ["5", "", "", ""],
            ),
        },
        flagged={"Header": [0]},
        related=(("Header", 0, "OC3", 0),),
    ),
    Case(
        "any one OC3 item makes a care leaver; an episode or no OC3 row clears the child",
        tables={
            "Header": table(
                ["CHILD", "MOTHER"],
                ["1", "1"],
                ["2", "0"],
                ["3", "1"],
                ["4", "1"],
                ["5", "1"],
                ["6", "1"],
                ["7", ""],
            ),
            "Episodes": table(["CHILD"], ["4"], ["4"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "", "F1", ""],
                ["2", "", "", "B1"],
                ["3", "", "", ""],
                ["3", "NO", "", ""],
                ["4", "YES", "F1", "B1"],
                ["6", "", "", ""],
                ["7", "YES", "F1", "B1"],
            ),
        },
        flagged={"Header": [0, 1, 2]},
        related=(("Header", 0, "OC3", 0), ("Header", 1, "OC3", 1), ("Header", 2, "OC3", 3)),
    ),
    Case(
        "with no OC3 table there are no care leavers",
        tables={"Header": table(["CHILD", "MOTHER"], ["1", "1"]), "Episodes": table(["CHILD"])},
        flagged={"Header": []},
    ),
]
