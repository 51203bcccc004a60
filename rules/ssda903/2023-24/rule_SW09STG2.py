"""Rule SW09STG2: a social worker episode ends on the day it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW09STG2",
    message="Social worker episode appears to have lasted for less than 24 hours.",
    tables=["SWEpisodes"],
    fields=["SW_DECOM", "SW_DEC"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_within_a_day(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode ends on the day it started.

    Dates carry no time, so an episode that ends on its start date appears to have lasted under
    24 hours. Check the episode's start and end dates.
    """
    # NOTE: 2025-26 decision: the peer's 2025-26 change (changes.csv; dfe-updates.md §2.1)
    # flags episodes shorter than 3 days. Not adopted: DfE's message, unchanged in 2025-26,
    # says "less than 24 hours", which with whole dates is an end on the start date; an
    # episode of one or two days lasted more than 24 hours. An end before the start is not
    # flagged here (from 2025-26 SW18STG2 reports it). Blank or unreadable dates are not
    # compared.
    return ctx.table("SWEpisodes").filter(pl.col("SW_DEC") == pl.col("SW_DECOM"))


CASES = [
    Case(
        "an episode ending on its start date is flagged, one of a child's several too",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2023", "01/05/2023"],
                ["8", "01/05/2023", "01/06/2023"],
                ["8", "01/06/2023", "01/06/2023"],
                ["8", "01/06/2023", ""],
            )
        },
        flagged={"SWEpisodes": [0, 2]},
    ),
    Case(
        "an end the day after or before the start, or a blank or unreadable date, is not flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["2", "01/05/2023", "02/05/2023"],
                ["3", "01/05/2023", ""],
                ["4", "", ""],
                ["5", "02/05/2023", "01/05/2023"],
                ["6", "01/05/2023", "31/04/2023"],
                ["7", "31/04/2023", "31/04/2023"],
            )
        },
    ),
]
