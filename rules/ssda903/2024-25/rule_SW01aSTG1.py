"""Rule SW01aSTG1: a social worker episode from before April 2023 lacks its ID or start date."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE 2024-25: the reason for change is only required for episodes starting from the first
# social worker collection, 1 April 2023; a fixed date, not one relative to the year.
REASON_REQUIRED_FROM = dt.date(2023, 4, 1)


@rule(
    code="SW01aSTG1",
    message="For each social worker episode, information should be complete",
    tables=["SWEpisodes"],
    fields=["SW_DECOM", "SW_ID"],
    tags=["social-workers"],
)
def early_social_worker_episode_incomplete(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode has no start date (SW_DECOM), or started before 1 April 2023 and has
    no social worker ID (SW_ID).

    Fill in the blank start date or social worker ID. For an episode that started before 1 April
    2023 the reason for change may be left blank.
    """
    # For these older episodes DfE requires the ID and start date but not the reason. A
    # blank start date cannot be placed either side of 1 April 2023, so both SW01aSTG1 and
    # SW01bSTG1 flag it; a start written but unreadable is SW04STG1's concern.
    early = pl.col("SW_DECOM") < REASON_REQUIRED_FROM
    no_start = pl.col("SW_DECOM#raw").is_null()
    return ctx.table("SWEpisodes").filter((early & pl.col("SW_ID").is_null()) | no_start)


CASES = [
    Case(
        "an episode started the day before 1 April 2023 without an ID is flagged; on or after not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["1", "SW1", "31/03/2023", ""],
                ["2", "", "31/03/2023", "MANAGE"],
                ["3", "", "01/04/2023", ""],
                ["6", "", "02/04/2023", ""],
            )
        },
        flagged={"SWEpisodes": [1]},
    ),
    Case(
        "a blank start is flagged whatever else is given; an unreadable start is not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["4", "SW1", "", "MANAGE"],
                ["5", "", "31/02/2023", ""],
                ["7", "", "", ""],
            )
        },
        flagged={"SWEpisodes": [0, 2]},
    ),
]
