"""Rule 1010: care leaver information for a child whose open episode did not continue."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="1010",
    message=(
        "This child has no episodes loaded for current year even though there was an open "
        "episode of care at the end of the previous year, and care leaver data has been entered."
    ),
    tables=["OC3", "Episodes", "Episodes_last"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_without_continuing_episode(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver (OC3) information is given, but last year's open episode has no follow-on.

    The young person was still looked after at 31 March last year, so this year's return needs the
    episode that continues or ends that care: add it, or check the child's ID.
    """
    # An episode open at 31 March last year must end, or go on, in this year's return. The last
    # episode is the one that started latest; episodes without a readable start are not considered.
    open_last_year = (
        ctx.table("Episodes_last")
        .filter(pl.col("DECOM").is_not_null())
        .sort("CHILD", *in_order("DECOM", "DEC"))
        # Equivalent mutant (ReplaceTrueWithFalse): keep="last" picks by the sorted order whatever
        # the output order, and the joins below do not depend on row order.
        .unique("CHILD", keep="last", maintain_order=True)
        .filter(pl.col("DEC").is_null())
        # Last year's open episode is named beside the OC3 row.
        .select(
            "CHILD",
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Episodes" + PREVIOUS_SUFFIX).alias(RELATED_TABLE),
        )
    )
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    return (
        ctx.table("OC3")
        .filter(provided)
        .join(open_last_year, on="CHILD", how="inner")
        .join(ctx.table("Episodes").select("CHILD"), on="CHILD", how="anti")
    )


CASES = [
    Case(
        "a latest episode left open last year with nothing this year is flagged",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/01/2024", ""],
                ["4", "01/01/2024", "01/02/2024"],
                ["4", "01/02/2024", ""],
                ["9", "01/02/2024", ""],
                ["9", "01/01/2024", "01/02/2024"],
            ),
            "Episodes": table(["CHILD", "DECOM"], ["10", "01/05/2024"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["4", "NO", "", ""],
                ["9", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [0, 1, 2]},
        related=(
            ("OC3", 0, "Episodes_last", 0),
            ("OC3", 1, "Episodes_last", 2),
            ("OC3", 2, "Episodes_last", 3),
        ),
    ),
    Case(
        "an episode this year, a closed latest episode or no OC3 item is not flagged",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC"],
                ["2", "01/01/2024", ""],
                ["3", "01/01/2024", ""],
                ["3", "01/02/2024", "01/03/2024"],
                ["5", "01/01/2024", ""],
                ["7", "01/01/2024", "01/02/2024"],
                ["7", "31/02/2024", ""],
                ["8", "01/01/2024", ""],
            ),
            "Episodes": table(["CHILD", "DECOM"], ["2", "01/01/2024"], ["8", "31/04/2024"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["2", "YES", "F1", "B1"],
                ["3", "YES", "F1", "B1"],
                ["5", "", "", ""],
                ["6", "YES", "F1", "B1"],
                ["7", "YES", "F1", "B1"],
                ["8", "YES", "F1", "B1"],
            ),
        },
    ),
]
