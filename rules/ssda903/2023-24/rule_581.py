"""Rule 581: a missing or away period starts before the child was looked after."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order, periods_of_care
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table


@rule(
    code="581",
    message="Child is missing but has not yet started to be looked after.",
    tables=["Missing", "Episodes"],
    fields=["MIS_START"],
    tags=["missing", "dates"],
)
def missing_period_starts_before_care(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period starts before the child started to be looked after.

    Check the start date of the period and the start date (DECOM) of the child's first episode in
    that period of care, and correct whichever is wrong.
    """
    # A start outside every period of care (from its first DECOM to its last DEC, both included) is
    # flagged when a period of care begins after it; a start after care ceased is rule 578's, so a
    # start between two periods is flagged by both. Children with no episodes and blank starts are
    # not compared.
    # NOTE: an unreadable DECOM fails stage 1 (141); the peer takes it as no care yet.
    # The first episode of the earliest period of care after the start is named beside it.
    edge = pl.col("_row").sort_by(in_order("DECOM", "DEC")).first().over(child_of_row(), "period")
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
    before_a_start = pairs.filter(pl.col("MIS_START") < pl.col("period_start"))
    next_start = before_a_start.filter(
        # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE): no start is before the earliest, so
        # `<=` the earliest keeps what `==` keeps.
        pl.col("period_start") == pl.col("period_start").min().over("_row")
    )
    return (
        missing.join(next_start.select("_row", RELATED_ROW), on="_row", how="inner")
        .join(inside.select("_row"), on="_row", how="anti")
        .with_columns(pl.lit("Episodes").alias(RELATED_TABLE))
    )


CASES = [
    Case(
        "a start the day before care began is flagged; on the day it is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["1", "10/05/2024", "S", ""],
                ["2", "01/04/2024", "S", "10/05/2024"],
                ["2", "01/07/2024", "S", ""],
                ["3", "01/04/2024", "S", "01/05/2024"],
                ["7", "31/04/2024", "S", ""],
                ["11", "01/06/2024", "S", "20/06/2024"],
                ["11", "20/06/2024", "P", "10/07/2024"],
                ["11", "01/08/2024", "S", ""],
            ),
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["1", "09/05/2024"],
                ["1", "10/05/2024"],
                ["2", "01/06/2024"],
                ["2", "02/07/2024"],
                ["3", "02/05/2024"],
                ["4", "01/05/2024"],
                ["1", ""],
                ["1", "2024-05-09"],
                ["7", "01/04/2024"],
                ["11", "15/05/2024"],
            ),
        },
        flagged={"Missing": [0, 2, 9]},
        # Of two later periods the earlier is named, by its first episode.
        related=(
            ("Missing", 0, "Episodes", 0),
            ("Missing", 2, "Episodes", 2),
            ("Missing", 9, "Episodes", 5),
        ),
    ),
    Case(
        "a start inside an earlier period of care, on its first or last day, is not before care",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "DEC"],
                ["5", "01/04/2024", "S", ""],
                ["5", "01/08/2024", "S", ""],
                ["6", "01/04/2024", "S", "01/05/2024"],
                ["6", "01/07/2024", "S", ""],
                ["9", "10/05/2024", "S", "01/05/2024"],
            ),
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["5", "01/06/2024"],
                ["6", "01/04/2024"],
                ["6", "01/05/2024"],
                ["6", "15/04/2024"],
                ["6", "02/05/2024"],
                ["9", "10/05/2024"],
                ["6", "31/04/2024"],
            ),
        },
        flagged={"Missing": [4]},
        related=(("Missing", 4, "Episodes", 3),),
    ),
]
