"""Rule 385: an episode ends after the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="385",
    message="Date episode ceased must be on or before the end of the current collection year.",
    tables=["Episodes"],
    fields=["DEC"],
    tags=["dates"],
)
def episode_ends_after_collection_year(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's end date (DEC) is after 31 March, the end of the collection year.

    An episode still open on 31 March is returned with a blank end date: correct a mistyped date, or
    leave it blank if the episode ended after the year.
    """
    # A blank DEC (open episode) is not flagged; an unreadable one is left to rule 147.
    return ctx.table("Episodes").filter(pl.col("DEC") > ctx.end)


CASES = [
    Case(
        "an episode ending 1 April or later is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DEC"],
                ["2", "01/04/2025"],
                ["6", "02/04/2025"],
            )
        },
        flagged={"Episodes": [0, 1]},
        period="2024-25",
    ),
    Case(
        "an episode ending by 31 March, or still open, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DEC"],
                ["1", "31/03/2025"],
                ["3", ""],
                ["5", "30/03/2025"],
            )
        },
        flagged={},
        period="2024-25",
    ),
    Case(
        "an unreadable end date is left to rule 147",
        tables={"Episodes": table(["CHILD", "DEC"], ["4", "31/04/2025"], ["7", "2025-04-01"])},
        flagged={},
        period="2024-25",
    ),
]
