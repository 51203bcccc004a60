"""Rule SW17STG2: the child's latest social worker episode has an end date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW17STG2",
    message="There is no social worker episode open at 31 March",
    tables=["SWEpisodes"],
    fields=["SW_DEC", "SW_DECOM"],
    tags=["social-workers"],
)
def latest_social_worker_episode_closed(ctx: RuleContext) -> pl.LazyFrame:
    """A child's latest social worker episode (the one that started last) has no end date.

    Why: DfE's coding says the last episode's SW_DEC must be blank: a child looked after on
    31 March has a social worker then. Any end date written, readable or not, is flagged.
    When two episodes share the latest start, both are tested. Episodes with a blank or
    unreadable start cannot be ordered and are left out.
    """
    start = pl.col("SW_DECOM")
    latest = (
        ctx.table("SWEpisodes")
        .filter(start.is_not_null())
        .filter(start == start.max().over("CHILD"))
    )
    return latest.filter(pl.col("SW_DEC#raw").is_not_null())


CASES = [
    Case(
        "a latest episode with an end date is flagged; an open one is not",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2025", "20/06/2025"],
                ["1", "20/06/2025", ""],
                ["2", "01/05/2025", "20/06/2025"],
                ["2", "20/06/2025", "31/03/2026"],
                ["3", "01/05/2025", ""],
                ["3", "", "01/06/2025"],
                ["4", "01/05/2025", "bad"],
            )
        },
        flagged={"SWEpisodes": [3, 6]},
    ),
]
