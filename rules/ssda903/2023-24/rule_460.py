"""Rule 460: care ended by staying with carers at 18, but the child was under 18."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, age_on, rule, table


@rule(
    code="460",
    message=(
        "Reason episode ceased is that child stayed with current carers at age 18 (or above), "
        "but child is aged under 18."
    ),
    tables=["Episodes", "Header"],
    fields=["DEC", "REC"],
    tags=["dates", "episodes"],
)
def stayed_with_carers_at_18_while_under_18(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ending as "stayed with carers at 18" (reason E17) ends before the 18th birthday.

    Reason E17 is for a young person who stayed on with their carers once they turned 18: check the
    child's date of birth (DOB), the date the episode ended (DEC) and the reason, and correct
    whichever is wrong.
    """
    # E17 records a young person who stayed on with their carers (e.g. staying put) once they turned
    # 18 and so ceased to be looked after. A child born on 29 February turns 18 on 1 March in a
    # non-leap year. A blank or unreadable DEC or DOB cannot be checked here.
    # The Header row whose DOB gave the age is named beside the episode.
    births = ctx.table("Header").select(
        "CHILD", "DOB", pl.col("_row").alias(RELATED_ROW), pl.lit("Header").alias(RELATED_TABLE)
    )
    stayed = pl.col("REC").is_in(ctx.codes("REC_STAYED_WITH_CARERS_18")).fill_null(False)
    # Equivalent mutant (ReplaceKeywordValue): a left join gives an episode with no Header row a
    # blank DOB, which is never under 18, so the row is dropped as the inner join drops it.
    episodes = ctx.table("Episodes").filter(stayed).join(births, on="CHILD", how="inner")
    return naming_at_most_first(episodes.filter(age_on(pl.col("DOB"), pl.col("DEC")) < 18))


CASES = [
    Case(
        "E17 the day before the 18th birthday is flagged; on or after the birthday it is not",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "15/06/2006"],
                ["2", "15/06/2006"],
                ["3", "15/06/2006"],
                ["12", "15/06/2014"],
                ["15", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/01/2020", "14/06/2024", "E17"],
                ["2", "01/01/2020", "15/06/2024", "E17"],
                ["3", "01/01/2020", "16/06/2024", "e17"],
                ["12", "01/01/2020", "01/05/2024", "E17"],
                ["15", "01/01/2020", "15/06/2025", "E17"],
            ),
        },
        flagged={"Episodes": [0, 3]},
        related=(("Episodes", 0, "Header", 0), ("Episodes", 3, "Header", 3)),
    ),
    Case(
        "a child born on 29 February turns 18 on 1 March in a non-leap year",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["7", "29/02/2008"],
                ["8", "29/02/2008"],
                ["14", "01/03/2006"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["7", "01/01/2020", "28/02/2026", "E17"],
                ["8", "01/01/2020", "01/03/2026", "E17"],
                ["14", "01/01/2020", "29/02/2024", "E17"],
            ),
        },
        flagged={"Episodes": [0, 2]},
    ),
    Case(
        "only the child's episodes ending with E17 are flagged, not other reasons",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["4", "15/06/2006"],
                ["11", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["4", "01/01/2020", "14/06/2024", "E8"],
                ["11", "01/01/2020", "01/03/2024", "E8"],
                ["11", "01/03/2024", "14/06/2024", "E17"],
            ),
        },
        flagged={"Episodes": [2]},
        related=(("Episodes", 2, "Header", 1),),
    ),
    Case(
        "a blank or unreadable DEC, DOB or REC, or no Header row, is not flagged",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["5", "15/06/2006"],
                ["6", ""],
                ["10", "31/06/2006"],
                ["11", "15/06/2006"],
                ["13", "29/02/2006"],
                ["16", "15/06/2006"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["5", "01/01/2020", "", "E17"],
                ["6", "01/01/2020", "14/06/2024", "E17"],
                ["9", "01/01/2020", "14/06/2024", "E17"],
                ["10", "01/01/2020", "14/06/2024", "E17"],
                ["11", "14/06/2024", "2024-06-10", "E17"],
                ["13", "01/01/2020", "28/02/2024", "E17"],
                ["16", "01/01/2020", "31/02/2024", "E17"],
                ["16", "01/01/2020", "14/06/2024", ""],
            ),
        },
    ),
]
