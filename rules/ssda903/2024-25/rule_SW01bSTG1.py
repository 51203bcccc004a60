"""Rule SW01bSTG1: a social worker episode from April 2023 lacks its ID, start date or reason."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE 2024-25: the reason for change is required for episodes starting from the first social
# worker collection, 1 April 2023; a fixed date, not one relative to the year.
REASON_REQUIRED_FROM = dt.date(2023, 4, 1)


@rule(
    code="SW01bSTG1",
    message="For each social worker episode, information should be complete",
    tables=["SWEpisodes"],
    fields=["SW_DECOM", "SW_ID", "SW_REASON"],
    tags=["social-workers"],
)
def recent_social_worker_episode_incomplete(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode has no start date (SW_DECOM), or started on or after 1 April 2023 and
    has no social worker ID (SW_ID) or no reason for change (SW_REASON).

    Fill in whichever of these is blank in the social worker episode record.
    """
    # A blank start date cannot be placed either side of 1 April 2023, so both SW01aSTG1
    # and SW01bSTG1 flag it; a start written but unreadable is SW04STG1's concern.
    recent = pl.col("SW_DECOM") >= REASON_REQUIRED_FROM
    missing_item = pl.col("SW_ID").is_null() | pl.col("SW_REASON").is_null()
    no_start = pl.col("SW_DECOM#raw").is_null()
    return ctx.table("SWEpisodes").filter((recent & missing_item) | no_start)


CASES = [
    Case(
        "an episode from 1 April 2023 without an ID, a reason or both is flagged; before it is not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["1", "SW1", "01/04/2023", "MANAGE"],
                ["2", "", "01/04/2023", "MANAGE"],
                ["3", "SW1", "01/04/2023", ""],
                ["4", "SW1", "31/03/2023", ""],
                ["7", "", "02/04/2023", ""],
                ["8", "", "31/03/2023", ""],
            )
        },
        flagged={"SWEpisodes": [1, 2, 4]},
    ),
    Case(
        "a blank start is flagged whatever else is given; an unreadable start is not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_ID", "SW_DECOM", "SW_REASON"],
                ["5", "SW1", "", "MANAGE"],
                ["6", "", "31/02/2024", ""],
                ["9", "", "", ""],
            )
        },
        flagged={"SWEpisodes": [0, 2]},
    ),
]
