"""Rule 578: a missing or away period starts after the child left care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order, periods_of_care
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="578",
    message=(
        "The date that the child started to be missing is after the child ceased to be looked"
        " after."
    ),
    tables=["Missing", "Episodes"],
    fields=["MIS_START"],
    tags=["missing", "dates"],
)
def missing_period_starts_after_care(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period starts after the child stopped being looked after.

    No missing information is recorded from the day after care ended: check the start date of the
    period and the end date (DEC) of the child's episodes, and correct whichever is wrong.
    """
    # NOTE: the peer drops an episode whose DECOM it cannot read (rule 141 reports it), so a period
    # missing while that episode ran falls outside care for it.
    # DfE: no missing information should be recorded from the day after care ceased. A start outside
    # every period of care (from its first DECOM to its last DEC, both included) is flagged when a
    # period of care ended before it; a start before care began is rule 581's. Children with no
    # episodes and blank starts are not compared.
    # The episode that ended the latest period of care before the start is named beside it.
    edge = pl.col("_row").sort_by(in_order("DECOM", "DEC")).last().over(child_of_row(), "period")
    periods = (
        periods_of_care(ctx)
        .select("CHILD", "period_start", "period_end", edge.alias(RELATED_ROW))
        .unique()
    )
    missing = ctx.table("Missing").filter(pl.col("MIS_START").is_not_null())
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no episodes a blank
    # period_start and period_end, and every comparison with a blank is dropped, so such a pair
    # is neither inside a period nor on either side of one, as if the inner join had dropped it.
    pairs = missing.select("_row", "CHILD", "MIS_START").join(periods, on="CHILD", how="inner")
    inside = pairs.filter(
        (pl.col("period_start") <= pl.col("MIS_START"))
        & (pl.col("period_end").is_null() | (pl.col("MIS_START") <= pl.col("period_end")))
    )
    after_an_end = pairs.filter(pl.col("period_end") < pl.col("MIS_START"))
    latest_end = after_an_end.filter(
        # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): no end is after the latest, so `>=`
        # the latest keeps what `==` keeps.
        pl.col("period_end") == pl.col("period_end").max().over("_row")
    )
    return (
        missing.join(latest_end.select("_row", RELATED_ROW), on="_row", how="inner")
        .join(inside.select("_row"), on="_row", how="anti")
        .with_columns(pl.lit("Episodes").alias(RELATED_TABLE))
    )


CASES = [
    Case(
        "a start the day after care ended is flagged; on the day it is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "01/04/2024", "S", "10/05/2024"],
                ["2", "01/04/2024", "S", "10/05/2024"],
                ["2", "01/07/2024", "S", ""],
                ["3", "01/04/2024", "S", ""],
                ["7", "01/04/2024", "S", "31/02/2024"],
                ["10", "01/04/2024", "S", "10/05/2024"],
                ["10", "10/05/2024", "P", "20/05/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["1", "10/05/2024"],
                ["1", "11/05/2024"],
                ["2", "01/06/2024"],
                ["2", "02/07/2024"],
                ["3", "31/03/2024"],
                ["4", "01/05/2024"],
                ["1", ""],
                ["1", "2024-05-11"],
                ["7", "01/06/2024"],
                ["10", "25/05/2024"],
            ),
        },
        flagged={"Missing": [1, 2, 9]},
        # A period of two episodes is named by the one that ended it.
        related=(
            ("Missing", 1, "Episodes", 0),
            ("Missing", 2, "Episodes", 1),
            ("Missing", 9, "Episodes", 6),
        ),
    ),
    Case(
        "a start inside a later period of care, on its first or last day, is not after care ended",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["5", "01/04/2024", "S", "10/05/2024"],
                ["6", "01/04/2024", "S", "01/05/2024"],
                ["6", "01/06/2024", "S", "01/07/2024"],
                ["9", "10/05/2024", "S", "01/05/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["5", "31/03/2024"],
                ["6", "01/06/2024"],
                ["6", "15/06/2024"],
                ["6", "01/07/2024"],
                ["6", "02/07/2024"],
                ["9", "01/05/2024"],
                ["6", "31/06/2024"],
                ["6", "15/05/2024"],
            ),
        },
        flagged={"Missing": [4, 7]},
        related=(("Missing", 4, "Episodes", 2), ("Missing", 7, "Episodes", 1)),
    ),
]
