"""Rule 374: a child in residential employment is under 14."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="374",
    message="Child in residential employment should be at least 14 years old.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "age"],
)
def residential_employment_under_14(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 14 when the placement starts is in residential employment (placement P3).

    Check the child's date of birth (DOB), the episode's start date (DECOM) and the placement type,
    and correct whichever is wrong.
    """
    # 14 is DfE's minimum age for living at a place of work. The age is taken at DECOM, for open
    # episodes too. A blank or unreadable DOB or DECOM cannot show an age and is left to rules 102
    # and 141.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_RESIDENTIAL_EMPLOYMENT"))
    return naming_at_most_first(
        episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 14))
    )


CASES = [
    Case(
        "residential employment (P3) starting the day before the 14th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["20", "15/06/2010"], ["1", "15/06/2010"]),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2024", "P3", ""],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 1),),
    ),
    Case(
        "residential employment (P3) starting on the 14th birthday or later is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2010"],
                ["7", "15/06/2010"],
                ["8", "15/06/2010"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "15/06/2024", "P3", ""],
                ["7", "16/06/2024", "P3", ""],
                ["8", "15/06/2026", "P3", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "another placement, or a blank or unreadable date of birth or start, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "15/06/2010"],
                ["4", ""],
                ["6", "31/02/2010"],
                ["7", "15/06/2010"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["3", "14/06/2024", "U1", "01/09/2024"],
                ["3", "", "P3", ""],
                ["4", "14/06/2024", "P3", ""],
                ["5", "14/06/2024", "P3", ""],
                ["6", "14/06/2024", "P3", ""],
                ["7", "31/06/2024", "P3", ""],
                ["7", "2020-01-01", "P3", ""],
            ),
        },
        flagged={},
    ),
]
