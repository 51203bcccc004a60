"""Rule 355: an episode ends on the day it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="355",
    message="Episode appears to have lasted for less than 24 hours",
    tables=["Episodes"],
    fields=["DECOM", "DEC"],
    tags=["dates"],
)
def episode_ends_on_start_day(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ends (DEC) on the same day it starts (DECOM), so it lasted less than 24 hours.

    Check both dates in the episode record and correct whichever was mistyped.
    """
    # Dates carry no time, so an episode ending on its start day lasted under 24 hours. Blank or
    # unreadable dates are not compared (an open episode has no DEC).
    return ctx.table("Episodes").filter(pl.col("DEC") == pl.col("DECOM"))


CASES = [
    Case(
        "an episode ending the day it starts is flagged; the next day is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/05/2024", "01/05/2024"],
                ["2", "01/05/2024", "02/05/2024"],
                ["3", "", ""],
                ["4", "01/05/2024", ""],
            )
        },
        flagged={"Episodes": [0]},
    ),
]
