"""Rule 581: a missing or away period starts before the child was looked after."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_periods_of_care
from csc_validate.rulekit import Case, RuleContext, rule, table


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
    periods = (
        with_periods_of_care(ctx.table("Episodes"))
        .select("CHILD", "period_start", "period_end")
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
    return missing.join(before_a_start.select("_row"), on="_row", how="semi").join(
        inside.select("_row"), on="_row", how="anti"
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
            ),
        },
        flagged={"Missing": [0, 2]},
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
    ),
]
