"""Rule 370: a child in independent living is under 16."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="370",
    message="Child in independent living should be at least 16.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "PLACE"],
    tags=["dates", "age"],
)
def independent_living_under_16(ctx: RuleContext) -> pl.LazyFrame:
    """A child under 16 when the placement starts is placed in independent living (placement P2).

    Independent living is for young people aged 16 or over: check the child's date of birth (DOB),
    the episode's start date (DECOM) and the placement type, and correct whichever is wrong.
    """
    # DfE raised the minimum age from 15 to 16 in 2023-24. Open episodes are checked too: the age is
    # taken at DECOM. A blank or unreadable DOB or DECOM cannot show an age and is left to rules 102
    # and 141.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    placed = pl.col("PLACE").is_in(ctx.codes("PLACE_INDEPENDENT_LIVING"))
    return naming_at_most_first(
        episodes.filter(placed & (age_on(pl.col("DOB"), pl.col("DECOM")) < 16))
    )


CASES = [
    Case(
        "independent living (P2) starting the day before the 16th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["20", "15/06/2007"], ["1", "15/06/2007"]),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["1", "14/06/2023", "P2", ""],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 1),),
    ),
    Case(
        "independent living (P2) starting on the 16th birthday or later is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2007"],
                ["7", "15/06/2007"],
                ["8", "15/06/2007"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["2", "15/06/2023", "P2", ""],
                ["7", "16/06/2023", "P2", ""],
                ["8", "15/06/2025", "P2", ""],
            ),
        },
        flagged={},
    ),
    Case(
        "another placement, or a blank or unreadable date of birth or start, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "15/06/2007"],
                ["4", ""],
                ["6", "31/02/2007"],
                ["7", "15/06/2007"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "DEC"],
                ["3", "14/06/2023", "U1", "01/09/2023"],
                ["3", "", "P2", ""],
                ["4", "14/06/2023", "P2", ""],
                ["5", "14/06/2023", "P2", ""],
                ["6", "14/06/2023", "P2", ""],
                ["7", "31/06/2023", "P2", ""],
            ),
        },
        flagged={},
    ),
]
