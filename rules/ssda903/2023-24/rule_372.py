"""Rule 372: a child in youth custody or prison is under 10."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="372",
    message="Child in youth custody or prison should be at least 10.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "age"],
)
def youth_custody_under_10(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 10 when the placement starts is in youth custody or prison (placement R5).

    Check the child's date of birth (DOB), the episode's start date (DECOM) and the placement type,
    and correct whichever is wrong.
    """
    # 10 is the age of criminal responsibility in England. The age is taken at DECOM, for open
    # episodes too. A blank or unreadable DOB or DECOM cannot show an age and is left to rules 102
    # and 141.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_YOUTH_CUSTODY"))
    return naming_at_most_first(
        episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 10))
    )


CASES = [
    Case(
        "youth custody (R5) starting the day before the 10th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["20", "15/06/2014"], ["1", "15/06/2014"]),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2024", "R5", ""],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 1),),
    ),
    Case(
        "youth custody (R5) starting on the 10th birthday or later is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2014"],
                ["7", "15/06/2014"],
                ["8", "15/06/2014"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "15/06/2024", "R5", ""],
                ["7", "16/06/2024", "R5", ""],
                ["8", "15/06/2026", "R5", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "another placement, or a blank or unreadable date of birth or start, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "15/06/2014"],
                ["4", ""],
                ["6", "31/02/2014"],
                ["7", "15/06/2014"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["3", "14/06/2024", "U1", "01/09/2024"],
                ["3", "", "R5", ""],
                ["4", "14/06/2024", "R5", ""],
                ["5", "14/06/2024", "R5", ""],
                ["6", "14/06/2024", "R5", ""],
                ["7", "31/06/2024", "R5", ""],
                ["7", "2020-01-01", "R5", ""],
            ),
        },
        flagged={},
    ),
]
