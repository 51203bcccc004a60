"""Rule 373: a child placed in a school is under 4."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="373",
    message="Child placed in a school should be at least 4 years old.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "age"],
)
def school_placement_under_4(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 4 when the placement starts is placed in a residential school (placement S1).

    Check the child's date of birth (DOB), the episode's start date (DECOM) and the placement type,
    and correct whichever is wrong.
    """
    # 4 is DfE's minimum age for a school placement. The age is taken at DECOM, for open episodes
    # too. A blank or unreadable DOB or DECOM cannot show an age and is left to rules 102 and 141.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_SCHOOL"))
    return naming_at_most_first(
        episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 4))
    )


CASES = [
    Case(
        "a residential school (S1) starting the day before the 4th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["20", "15/06/2020"], ["1", "15/06/2020"]),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2024", "S1", ""],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 1),),
    ),
    Case(
        "a residential school (S1) starting on the 4th birthday or later is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2020"],
                ["7", "15/06/2020"],
                ["8", "15/06/2020"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "15/06/2024", "S1", ""],
                ["7", "16/06/2024", "S1", ""],
                ["8", "15/06/2026", "S1", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "another placement, or a blank or unreadable date of birth or start, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "15/06/2020"],
                ["4", ""],
                ["6", "31/02/2020"],
                ["7", "15/06/2020"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["3", "14/06/2024", "U1", "01/09/2024"],
                ["3", "", "S1", ""],
                ["4", "14/06/2024", "S1", ""],
                ["5", "14/06/2024", "S1", ""],
                ["6", "14/06/2024", "S1", ""],
                ["7", "31/06/2024", "S1", ""],
                ["7", "2020-01-01", "S1", ""],
            ),
        },
        flagged={},
    ),
]
