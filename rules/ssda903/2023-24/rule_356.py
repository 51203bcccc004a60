"""Rule 356: an episode ends before it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="356",
    message="The date the episode ceased is before the date the same episode started.",
    tables=["Episodes"],
    fields=["DECOM", "DEC"],
    tags=["dates"],
)
def episode_ends_before_it_starts(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's end date (DEC) is before its start date (DECOM).

    Check both dates in the episode record and correct whichever was mistyped.
    """
    # Blank (open) or unreadable dates are not compared.
    return ctx.table("Episodes").filter(pl.col("DEC") < pl.col("DECOM"))


CASES = [
    Case(
        "an episode ending the day before it starts is flagged",
        tables={
            "Episodes": table(["CHILD", "DECOM", "DEC"], ["1", "01/05/2024", "30/04/2024"]),
        },
        flagged={"Episodes": [0]},
    ),
    Case(
        "an episode ending the day it starts or later is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["2", "01/05/2024", "01/05/2024"],
                ["5", "01/05/2024", "02/05/2024"],
            )
        },
        flagged={},
    ),
    Case(
        "an open episode, or a blank or unreadable date, is not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["3", "01/05/2024", ""],
                ["4", "", "30/04/2024"],
                ["6", "31/04/2024", "30/04/2024"],
                ["7", "01/05/2024", "31/04/2024"],
            )
        },
        flagged={},
    ),
]
