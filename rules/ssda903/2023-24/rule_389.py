"""Rule 389: a child under 16 transferred to adult social care."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="389",
    message=(
        "Reason episode ceased is that child transferred to care of adult social care services, "
        "but child is aged under 16."
    ),
    tables=["Episodes", "Header"],
    fields=["REC"],
    tags=["dates", "age"],
)
def adult_social_care_under_16(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ending in transfer to adult social care (reason E7) ends before the 16th birthday.

    Check the child's date of birth (DOB), the date the episode ended (DEC) and the reason it ended
    (REC), and correct whichever is wrong.
    """
    # NOTE: a blank or unreadable DOB or DEC cannot show an age and is left to rules 102 and 147
    # (the open-source peer validator flags these; we do not, as the age is unknown).
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join gives a child with no Header row a blank
    # DOB, so a blank age, and the filter drops the row as the inner join does.
    episodes = ctx.table("Episodes").join(births, on="CHILD", how="inner")
    transferred = pl.col("REC").is_in(ctx.codes("REC_ADULT_SOCIAL_CARE"))
    return naming_at_most_first(
        episodes.filter(transferred & (age_on(pl.col("DOB"), pl.col("DEC")) < 16))
    )


CASES = [
    Case(
        "a transfer to adult social care the day before the 16th birthday is flagged",
        tables={
            "Header": table(["CHILD", "DOB"], ["20", "15/06/2008"], ["1", "15/06/2008"]),
            "Episodes": table(["CHILD", "REC", "DEC"], ["1", "E7", "14/06/2024"]),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Header", 1),),
    ),
    Case(
        "a transfer on, the day after or years after the 16th birthday is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["2", "15/06/2008"],
                ["7", "15/06/2008"],
                ["8", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["2", "E7", "15/06/2024"],
                ["7", "E7", "16/06/2024"],
                ["8", "E7", "14/06/2024"],
            ),
        },
        flagged={},
    ),
    Case(
        "another ending, or a blank or unreadable date of birth or end, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["3", "15/06/2008"],
                ["4", ""],
                ["6", "31/02/2008"],
                ["7", "15/06/2008"],
            ),
            "Episodes": table(
                ["CHILD", "REC", "DEC"],
                ["3", "E8", "14/06/2024"],
                ["3", "E7", ""],
                ["4", "E7", "14/06/2024"],
                ["5", "E7", "14/06/2024"],
                ["6", "E7", "14/06/2024"],
                ["7", "E7", "31/06/2024"],
                ["7", "E7", "2024-06-16"],
            ),
        },
        flagged={},
    ),
]
