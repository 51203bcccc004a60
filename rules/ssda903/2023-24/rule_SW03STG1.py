"""Rule SW03STG1: a social worker episode lacks its ID, start date or reason for change."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW03STG1",
    message="For each social worker episode, information should be complete.",
    tables=["SWEpisodes"],
    fields=["SW_ID", "SW_DECOM", "SW_REASON"],
    tags=["social-workers"],
)
def social_worker_episode_incomplete(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode has no social worker ID (SW_ID), no start date (SW_DECOM) or no
    reason for change (SW_REASON).

    Fill in whichever of the three is blank in the social worker episode record.
    """
    # A start date that is written but cannot be read is SW04STG1's concern, not a blank.
    blank = (
        pl.col("SW_ID").is_null() | pl.col("SW_DECOM#raw").is_null() | pl.col("SW_REASON").is_null()
    )
    return ctx.table("SWEpisodes").filter(blank)


CASES = [
    Case(
        "an episode with one, two or all three of ID, start and reason blank is flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["2", "", "01/05/2023", "MANAGE"],
                ["3", "SW1", "", "MANAGE"],
                ["4", "SW1", "01/05/2023", ""],
                ["6", "", "", "MANAGE"],
                ["7", "", "01/05/2023", ""],
                ["8", "", "", ""],
                ["9", "SW1", "", ""],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2, 3, 4, 5, 6]},
    ),
    Case(
        "a complete episode is not flagged, even with an unreadable start",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["1", "SW1", "01/05/2023", "MANAGE"],
                ["5", "SW1", "31/02/2023", "MANAGE"],
            )
        },
    ),
]
