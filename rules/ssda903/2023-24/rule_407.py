"""Rule 407: an episode ends in a special guardianship order after the 18th birthday."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="407",
    message="Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
    tables=["Episodes", "Header"],
    fields=["DEC", "DOB", "REC"],
    tags=["dates", "age"],
)
def special_guardianship_at_18_or_over(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """An episode ending in special guardianship (E45 to E48) ends on or after the 18th birthday.

    A special guardianship order cannot be made for someone aged 18 or over: check the child's date
    of birth (DOB), the date the episode ended (DEC) and the reason it ended (REC), and correct
    whichever is wrong.
    """
    # A special guardianship order is for a child, so it cannot be made on or after the 18th
    # birthday, when the child "has reached age 18". NOTE: the open-source peer validator lets the
    # birthday itself pass; DfE's message does not. The episode and the child's Header row are
    # flagged. A blank or unreadable DOB or DEC cannot show an age and is not flagged. Each names
    # the other beside it.
    header = ctx.table("Header")
    births = header.select("CHILD", "DOB", pl.col("_row").alias("header_row"))
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    guardianship = pl.col("REC").is_in(ctx.codes("REC_SPECIAL_GUARDIANSHIP"))
    late = episodes.filter(guardianship & (age_on(pl.col("DOB"), pl.col("DEC")) >= 18))
    # Once each: an episode meets every Header row of its child.
    late_rows = late.select("CHILD", pl.col("_row").alias(RELATED_ROW)).unique()
    return {
        "Episodes": naming_at_most_first(
            late.with_columns(
                pl.col("header_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
            )
        ),
        "Header": naming_at_most_first(
            header.select("_row", "CHILD")
            # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no
            # row, and naming_at_most_first keeps only rows that name one, as the inner join does.
            .join(late_rows, on="CHILD", how="inner")
            .with_columns(pl.lit("Episodes").alias(RELATED_TABLE))
        ),
    }


CASES = [
    Case(
        "an SGO on, the day after or a year after the 18th birthday is flagged with its child",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2006"],
                ["7", "15/06/2006"],
                ["8", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["2", "E48", "15/06/2024"],
                ["7", "E47", "16/06/2024"],
                ["7", "E46", "31/06/2024"],
                ["8", "E45", "15/06/2025"],
            ),
        },
        flagged={"Episodes": [0, 1, 3], "Header": [0, 1, 2]},
        related=(
            ("Episodes", 0, "Header", 0),
            ("Episodes", 1, "Header", 1),
            ("Episodes", 3, "Header", 2),
            ("Header", 0, "Episodes", 0),
            ("Header", 1, "Episodes", 1),
            ("Header", 2, "Episodes", 3),
        ),
    ),
    Case(
        "an SGO the day before the 18th birthday, another ending or unreadable dates is clear",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "15/06/2006"],
                ["3", "15/06/2006"],
                ["4", ""],
                ["6", "31/02/2006"],
                ["7", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["1", "E45", "14/06/2024"],
                ["3", "E8", "15/06/2024"],
                ["3", "E46", ""],
                ["4", "E47", "15/06/2024"],
                ["5", "E45", "15/06/2024"],
                ["6", "E45", "15/06/2024"],
                ["7", "E48", "2024-06-16"],
            ),
        },
        flagged={},
    ),
]
