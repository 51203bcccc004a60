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
    """No social worker episode ends on the day it started.

    Why: dates carry no time, so an episode ending on its start date lasted under 24 hours.
    NOTE: an unreleased 2025-26 peer change flags episodes shorter than 3 days instead; that
    does not match the message and is not adopted.
    """
    return ctx.table("SWEpisodes").filter(pl.col("SW_DEC") == pl.col("SW_DECOM"))


CASES = [
    Case(
        "an episode ending on its start date is flagged; the next day is not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2023", "01/05/2023"],
                ["2", "01/05/2023", "02/05/2023"],
                ["3", "01/05/2023", ""],
                ["4", "", ""],
            )
        },
        flagged={"SWEpisodes": [0]},
    ),
]
