"""Rule 352: a child started to be looked after at 18 or over."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="352",
    message="Child who started to be looked after was aged 18 or over.",
    tables=["Episodes", "Header"],
    fields=["DECOM", "RNE"],
    tags=["dates", "age"],
)
def started_care_aged_eighteen_or_over(ctx: RuleContext) -> pl.LazyFrame:
    """A period of care (reason for new episode RNE S) starts on or after the child's 18th birthday.

    A young person cannot start to be looked after at 18 or over: check their date of birth (DOB)
    and the date this episode started (DECOM), and correct whichever is wrong.
    """
    # The DOB comes from the Header. Blank or unreadable dates are not compared.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    starts = ctx.table("Episodes").filter(pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")))
    return naming_at_most_first(
        # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a
        # blank DOB, so a blank age, and the filter drops the row as the inner join does.
        starts.join(births, on="CHILD", how="inner").filter(
            age_on(pl.col("DOB"), pl.col("DECOM")) >= 18
        )
    )


CASES = [
    Case(
        "care starting on, the day after or a year after the 18th birthday is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "10/06/2006"],
                ["2", "10/06/2006"],
                ["7", "10/06/2006"],
                ["9", "10/06/2005"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "10/06/2024", "S"],
                ["1", "", "S"],
                ["2", "09/06/2024", "S"],
                ["2", "01/01/2025", "S"],
                ["7", "11/06/2024", "S"],
                ["9", "10/06/2024", "S"],
            ),
        },
        flagged={"Episodes": [0, 3, 4, 5]},
        related=(
            ("Episodes", 0, "Header", 0),
            ("Episodes", 3, "Header", 1),
            ("Episodes", 4, "Header", 2),
            ("Episodes", 5, "Header", 3),
        ),
    ),
    Case(
        "a new episode that does not start care, or unreadable dates, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "10/06/2006"],
                ["4", ""],
                ["5", "31/02/2006"],
                ["8", "10/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["3", "10/06/2024", "P"],
                ["4", "10/06/2024", "S"],
                ["5", "10/06/2024", "S"],
                ["6", "10/06/2024", "S"],
                ["8", "31/06/2024", "S"],
            ),
        },
        flagged={},
    ),
]
