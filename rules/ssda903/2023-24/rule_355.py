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
        "an episode ending the day it starts is flagged; the day before or after is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/05/2024", "01/05/2024"],
                ["2", "01/05/2024", "02/05/2024"],
                ["3", "", ""],
                ["4", "01/05/2024", ""],
                ["5", "01/05/2024", "30/04/2024"],
            )
        },
        flagged={"Episodes": [0]},
    ),
    Case(
        "blank and unreadable dates are not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "", "01/05/2024"],
                ["2", "31/04/2024", "31/04/2024"],
                ["3", "2024-05-01", "2024-05-01"],
                ["4", "01/05/2024", "31/04/2024"],
            )
        },
        flagged={},
    ),
    Case(
        "each episode of a child is compared on its own dates",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/05/2024", "03/05/2024"],
                ["1", "03/05/2024", "03/05/2024"],
                ["1", "03/05/2024", ""],
                ["2", "01/05/2024", "10/05/2024"],
                ["2", "10/05/2024", "20/05/2024"],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
