"""Rule SW07STG2: social worker episode ends outside the social worker reporting period (the
collection year in 2023-24; from 2024-25 it starts a year earlier)."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

FROM_2024 = from_year("ssda903", "2024-25")


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
def social_worker_episode_ends_outside_year(
    ctx: RuleContext, *, from_previous_year: bool = False
) -> pl.LazyFrame:
    """A social worker episode's end date (SW_DEC) is before 1 April or after 31 March of the
    collection year.

    Check the date the social worker episode ended and correct it if it was mistyped. Leave it blank
    while the episode is still open: a blank end date is not flagged.
    """
    # In 2023-24 the social worker reporting period is the collection year itself; from 2024-25
    # (pack.toml: from_previous_year) DfE starts it a year earlier, on the first day of last
    # year's collection period. A blank end (still open) is not flagged.
    period_start = ctx.previous_period.start if from_previous_year else ctx.start
    ended = pl.col("SW_DEC")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no date is both before the period's
    # start and after its end, and a blank end makes both sides null, so | and ^ agree.
    return ctx.table("SWEpisodes").filter((ended < period_start) | (ended > ctx.end))


CASES = [
    Case(
        "an end the day before 1 April or the day after 31 March is flagged",
        years=("2023-24",),
        period="2023-24",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["1", "31/03/2023"],
                ["4", "01/04/2024"],
                ["6", "01/01/2020"],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2]},
    ),
    Case(
        "an end on 1 April, on 31 March or between, and a blank or unreadable end, is not flagged",
        years=("2023-24",),
        period="2023-24",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DEC"],
                ["2", "01/04/2023"],
                ["3", "31/03/2024"],
                ["5", ""],
                ["7", "01/10/2023"],
                ["8", "31/04/2023"],
            )
        },
    ),
    Case(
        "an end the day before the period or the day after 31 March is flagged",
        years=FROM_2024,
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
        years=FROM_2024,
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
        years=FROM_2024,
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
