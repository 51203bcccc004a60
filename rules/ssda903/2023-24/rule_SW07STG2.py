"""Rule SW07STG2: social worker episode ends outside the collection year."""

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
def social_worker_episode_ends_outside_year(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's end date (SW_DEC) is before 1 April or after 31 March of the
    collection year.

    Check the date the social worker episode ended and correct it if it was mistyped. Leave it blank
    while the episode is still open: a blank end date is not flagged.
    """
    # In 2023-24 the social worker reporting period is the collection year itself (DfE
    # moved its start back a year in 2024-25). A blank end (still open) is not flagged.
    ended = pl.col("SW_DEC")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no date is both before the year's
    # start and after its end, and a blank end makes both sides null, so | and ^ agree.
    return ctx.table("SWEpisodes").filter((ended < ctx.start) | (ended > ctx.end))


CASES = [
    Case(
        "an end the day before 1 April or the day after 31 March is flagged",
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
]
