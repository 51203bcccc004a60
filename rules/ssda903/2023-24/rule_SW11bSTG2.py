"""Rule SW11bSTG2: the child's last social worker episode ended before 31 March."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW11bSTG2",
    message=(
        "Social worker episode has ended before 31 March and no subsequent social worker "
        "episode has been provided."
    ),
    tables=["SWEpisodes"],
    fields=["SW_DEC"],
    tags=["social-workers", "dates"],
)
def last_social_worker_episode_ended_before_year_end(ctx: RuleContext) -> pl.LazyFrame:
    """A child's latest social worker episode (by start date) has not ended before 31 March.

    Why: social worker episodes are returned for children looked after on 31 March, who
    have a social worker then; an episode ending before that with no later episode leaves a
    gap. Ending on 31 March itself is not "before". NOTE: the peer validator splits this
    check at five days before 31 March (SW11aSTG2 / SW11bSTG2) with logic that misses a last
    episode ending early in the year; DfE's coding text was not available, so this rule
    follows the message for any end before 31 March. Episodes with a blank or unreadable
    start cannot be ordered and are left out.
    """
    latest = (
        ctx.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .filter(pl.col("SW_DECOM") == pl.col("SW_DECOM").max().over("CHILD"))
    )
    return latest.filter(pl.col("SW_DEC") < ctx.end)


CASES = [
    Case(
        "a last episode ending the day before 31 March is flagged; on 31 March it is not",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2025", "20/06/2025"],
                ["1", "20/06/2025", "30/03/2026"],
                ["2", "01/05/2025", "31/03/2026"],
                ["3", "01/05/2025", "01/06/2025"],
                ["3", "01/06/2025", ""],
                ["4", "01/05/2025", ""],
                ["5", "01/05/2025", "01/06/2025"],
                ["5", "", ""],
            )
        },
        flagged={"SWEpisodes": [1, 6]},
    ),
]
