"""Rule SW06STG2: social worker episode starts after the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW06STG2",
    message="Social worker episode data should be within the social worker data reporting year.",
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_starts_after_year_end(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode starts (SW_DECOM) after 31 March, the end of the collection year.

    Check the date the social worker episode began and correct it if it was mistyped; an episode
    that really starts after 31 March belongs in next year's return.
    """
    # An episode open during the reporting period may have started long before it, so only
    # the end of the period is tested. A blank or unreadable start is not tested here.
    return ctx.table("SWEpisodes").filter(pl.col("SW_DECOM") > ctx.end)


CASES = [
    Case(
        "a start the day after 31 March or later is flagged",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["2", "01/04/2026"],
                ["5", "01/01/2030"],
            )
        },
        flagged={"SWEpisodes": [0, 1]},
    ),
    Case(
        "a start on 31 March, the day before or years before is not; nor blank or unreadable",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "31/03/2026"],
                ["1", "30/03/2026"],
                ["3", "01/01/2015"],
                ["4", ""],
                ["6", "31/04/2026"],
            )
        },
    ),
]
