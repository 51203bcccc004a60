"""Rule 386: an episode ends in adoption after the child's 18th birthday."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="386",
    message="Reason episode ceased is adopted but child has reached age 18.",
    tables=["Episodes", "Header"],
    fields=["REC"],
    tags=["dates", "age", "adoption"],
)
def adopted_at_18_or_over(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ending in adoption (reason E11 or E12) ends on or after the child's 18th birthday.

    An adoption order cannot be made for someone aged 18 or over: check the child's date of birth
    (DOB), the date the episode ended (DEC) and the reason it ended (REC), and correct whichever is
    wrong.
    """
    # An adoption order cannot be made for a person aged 18 or over; on the birthday the child has
    # reached 18. A blank or unreadable DOB or DEC cannot show an age and is left to rules 102 and
    # 147.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    adopted = pl.col("REC").is_in(ctx.codes("REC_ADOPTED"))
    return naming_at_most_first(
        episodes.filter(adopted & (age_on(pl.col("DOB"), pl.col("DEC")) >= 18))
    )


CASES = [
    Case(
        "an adoption on the 18th birthday, the day after or a year after is flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2006"],
                ["7", "15/06/2006"],
                ["8", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["2", "E12", "15/06/2024"],
                ["7", "E11", "16/06/2024"],
                ["8", "E11", "15/06/2025"],
            ),
        },
        flagged={"Episodes": [0, 1, 2]},
        related=(
            ("Episodes", 0, "Header", 0),
            ("Episodes", 1, "Header", 1),
            ("Episodes", 2, "Header", 2),
        ),
    ),
    Case(
        "an adoption the day before the 18th birthday, another ending or unreadable dates is clear",
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
                ["1", "E11", "14/06/2024"],
                ["3", "E8", "15/06/2024"],
                ["3", "E11", ""],
                ["4", "E11", "15/06/2024"],
                ["5", "E11", "15/06/2024"],
                ["6", "E11", "15/06/2024"],
                ["7", "E11", "31/06/2024"],
                ["7", "E11", "2024-06-16"],
            ),
        },
        flagged={},
    ),
]
