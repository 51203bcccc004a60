"""Rule 1014: UASC information returned for a care leaver."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="1014",
    message="UASC information is not required for care leavers",
    tables=["UASC", "OC3", "Episodes"],
    fields=["ACTIV", "ACCOM", "IN_TOUCH", "DUC"],
    tags=["care-leavers", "uasc"],
)
def uasc_data_for_care_leaver(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A care leaver who was not looked after during the year has a UASC record.

    UASC status is only collected for children looked after in the year: remove the UASC record, or
    add the episode if the young person was looked after.
    """
    # NOTE: both the UASC and the OC3 rows are flagged. An episode counts for the year when it
    # started by 31 March and ended on or after 1 April (or is still open). Unlike the peer
    # validator, a care leaver with no episodes at all is tested too: that is the usual care leaver.
    in_year = (pl.col("DECOM") <= ctx.end) & (
        pl.col("DEC").is_null() | (pl.col("DEC") >= ctx.start)
    )
    looked_after = ctx.table("Episodes").filter(in_year).select("CHILD")
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    care_leavers = ctx.table("OC3").filter(provided).join(looked_after, on="CHILD", how="anti")
    # Each UASC row is named beside the child's OC3 rows, and each OC3 row beside the UASC rows.
    uasc = ctx.table("UASC").join(
        care_leavers.select("CHILD", pl.col("_row").alias("oc3_row")), on="CHILD", how="inner"
    )
    return {
        "UASC": uasc.with_columns(
            pl.col("oc3_row").alias(RELATED_ROW), pl.lit("OC3").alias(RELATED_TABLE)
        ),
        "OC3": uasc.select(
            pl.col("oc3_row").alias("_row"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("UASC").alias(RELATED_TABLE),
        ),
    }


CASES = [
    Case(
        "a care leaver with UASC details and no episode in the year is flagged in UASC and OC3",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/01/2024", "31/03/2025"],
                ["4", "01/04/2026", ""],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["4", "YES", "F1", "B1"],
                ["5", "NO", "", ""],
                ["8", "YES", "F1", "B1"],
            ),
            "UASC": table(
                ["CHILD", "DUC"],
                ["1", "01/01/2025"],
                ["4", ""],
                ["5", "01/01/2025"],
                ["9", ""],
            ),
        },
        flagged={"UASC": [0, 1, 2], "OC3": [0, 1, 2]},
        related=(
            ("UASC", 0, "OC3", 0),
            ("UASC", 1, "OC3", 1),
            ("UASC", 2, "OC3", 2),
            ("OC3", 0, "UASC", 0),
            ("OC3", 1, "UASC", 1),
            ("OC3", 2, "UASC", 2),
        ),
    ),
    Case(
        "an episode open on or after 1 April and begun by 31 March, or blank OC3 items, is not",
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["2", "01/01/2024", "01/04/2025"],
                ["3", "31/03/2026", ""],
                ["6", "01/01/2024", ""],
                ["10", "01/01/2024", "02/04/2025"],
                ["11", "30/03/2026", ""],
                ["12", "01/01/2024", "31/02/2026"],
                ["13", "01/01/2024", "31/03/2025"],
                ["13", "01/04/2025", "01/05/2025"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["2", "YES", "F1", "B1"],
                ["3", "YES", "F1", "B1"],
                ["6", "YES", "F1", "B1"],
                ["7", "", "", ""],
                ["10", "YES", "F1", "B1"],
                ["11", "YES", "F1", "B1"],
                ["12", "YES", "F1", "B1"],
                ["13", "YES", "F1", "B1"],
            ),
            "UASC": table(
                ["CHILD", "DUC"],
                ["2", "01/01/2025"],
                ["3", ""],
                ["6", ""],
                ["7", ""],
                ["10", ""],
                ["11", ""],
                ["12", ""],
                ["13", ""],
            ),
        },
    ),
]
