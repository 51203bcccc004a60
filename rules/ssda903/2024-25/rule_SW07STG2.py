"""Rule SW07STG2 (2024-25): social worker episode ends outside the reporting period."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW07STG2",
    message=(
        "Social worker episode end date should be on or after the start of the social worker "
        "reporting period, and should be on or before the collection end date."
    ),
    tables=["SWEpisodes"],
    fields=["SW_DEC"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_ends_outside_period(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's end date (SW_DEC) is outside the social worker reporting period,
    which runs from 1 April a year before the collection year to 31 March.

    For example, for the 2024-25 return the period is 1 April 2023 to 31 March 2025. Check the date
    the episode ended and correct it if it was mistyped; leave it blank while the episode is open.
    """
    # From 2024-25 the reporting period starts a year before the collection year. A blank
    # end (still open) is not flagged.
    period_start = ctx.start.replace(year=ctx.start.year - 1)
    ended = pl.col("SW_DEC")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no date is both before the period's
    # start and after its end, and a blank end makes both sides null, so | and ^ agree.
    return ctx.table("SWEpisodes").filter((ended < period_start) | (ended > ctx.end))


CASES = [
    Case(
        "an end the day before the period or the day after 31 March is flagged",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["1", "31/03/2024"],
                ["4", "01/04/2026"],
            )
        },
        flagged={"SWEpisodes": [0, 1]},
    ),
    Case(
        "an end from 1 April of the year before to 31 March, or blank, is not flagged",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["2", "01/04/2024"],
                ["3", "31/03/2026"],
                ["5", ""],
                ["6", "31/03/2025"],
                ["7", "31/04/2025"],
            )
        },
    ),
    Case(
        "in 2024-25 the period starts on 1 April 2023",
        period="2024-25",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["1", "31/03/2023"],
                ["2", "01/04/2023"],
                ["3", "31/03/2025"],
                ["4", "01/04/2025"],
            )
        },
        flagged={"SWEpisodes": [0, 3]},
    ),
]
