"""Rule 1011: care leaver information for a child whose care was transferred to another LA."""

import polars as pl

from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    by_content,
    rule,
    table,
)


@rule(
    code="1011",
    message=(
        "This child is recorded as having his/her care transferred to another local authority "
        "for the final episode and therefore should not have the care leaver information "
        "completed."
    ),
    tables=["OC3", "Episodes"],
    fields=["IN_TOUCH", "ACTIV", "ACCOM"],
    tags=["care-leavers"],
)
def care_leaver_data_after_transfer_to_another_la(ctx: RuleContext) -> pl.LazyFrame:
    """Care leaver (OC3) information is given for a child whose care moved to another council.

    The child's final episode ended with reason E3 (care transferred to another local authority),
    which then reports the young person: remove the OC3 details, or correct the reason the episode
    ended.
    """
    # The final episode is the one that started latest.
    final = (
        ctx.table("Episodes")
        .sort(["CHILD", "DECOM", "DEC", by_content()], nulls_last=True)
        # Equivalent mutant (ReplaceTrueWithFalse): keep="last" picks by the sorted order whatever
        # the output order, and the join below does not depend on row order.
        .unique("CHILD", keep="last", maintain_order=True)
    )
    # The final episode is named beside the OC3 row.
    transferred = final.filter(pl.col("REC").is_in(ctx.codes("REC_TRANSFERRED"))).select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE)
    )
    # An OC3 row whose three items (in touch, activity, accommodation) are all blank carries no
    # information and is not flagged.
    provided = pl.any_horizontal(
        pl.col("IN_TOUCH").is_not_null(),
        pl.col("ACTIV").is_not_null(),
        pl.col("ACCOM").is_not_null(),
    )
    return ctx.table("OC3").filter(provided).join(transferred, on="CHILD", how="inner")


CASES = [
    Case(
        "a transfer (E3) on the final episode is flagged, with any OC3 item given",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/05/2024", "X1"],
                ["1", "01/06/2024", "E3"],
                ["3", "01/05/2024", "E3"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["1", "YES", "F1", "B1"],
                ["3", "", "", ""],
                ["1", "", "", "B1"],
            ),
        },
        flagged={"OC3": [0, 2]},
        related=(("OC3", 0, "Episodes", 1), ("OC3", 2, "Episodes", 1)),
    ),
    Case(
        "a transfer on an earlier episode, another or blank reason, or no episode is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["2", "01/06/2024", "E13"],
                ["2", "01/05/2024", "E3"],
                ["4", "01/05/2024", ""],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["2", "YES", "F1", "B1"],
                ["4", "YES", "F1", "B1"],
                ["5", "YES", "F1", "B1"],
            ),
        },
    ),
    Case(
        "an episode with a blank start sorts last, so it is the final one",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["6", "01/05/2024", "E3"],
                ["6", "", "X1"],
                ["7", "01/05/2024", "X1"],
                ["7", "", "E3"],
            ),
            "OC3": table(
                ["CHILD", "IN_TOUCH", "ACTIV", "ACCOM"],
                ["6", "YES", "F1", "B1"],
                ["7", "YES", "F1", "B1"],
            ),
        },
        flagged={"OC3": [1]},
        related=(("OC3", 1, "Episodes", 3),),
    ),
]
