"""Rule SW18STG2: a social worker episode ends before it starts."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW18STG2",
    message="The end date of the social worker episode is before the start date",
    tables=["SWEpisodes"],
    fields=["SW_DEC", "SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_ends_before_start(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's end date is before its start date.

    Check both dates: the episode cannot end before it began.
    """
    # DfE's coding, as the peer quotes it: "Where provided, <SW_DEC> must be > <SW_DECOM>".
    # NOTE: that also fails an end on the start date, which SW09STG2 reports ("less than 24
    # hours"); DfE's message says "before the start date" and decides, so the same day is not
    # flagged here. Blank or unreadable dates are not compared (SW04STG1, SW05STG1).
    return ctx.table("SWEpisodes").filter(pl.col("SW_DEC") < pl.col("SW_DECOM"))


CASES = [
    Case(
        "an end the day before the start, or weeks before, is flagged",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "10/06/2025", "09/06/2025"],
                ["8", "01/05/2025", "10/06/2025"],
                ["8", "10/06/2025", "01/06/2025"],
                ["8", "01/07/2025", ""],
            )
        },
        flagged={"SWEpisodes": [0, 2]},
    ),
    Case(
        "an end on or after the start, or a blank or unreadable date, is not flagged",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["2", "10/06/2025", "10/06/2025"],
                ["3", "10/06/2025", "11/06/2025"],
                ["4", "10/06/2025", ""],
                ["5", "10/06/2025", "31/02/2025"],
                ["6", "", "09/06/2025"],
                ["7", "31/06/2025", "09/06/2025"],
            )
        },
    ),
]
