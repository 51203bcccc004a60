"""Rule SW10STG2 (2024-25): a social worker episode starts well before the previous one ended."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE 2024-25 coding: SW_DECOM must be >= the previous episode's SW_DEC, give or take 7 days.
TOLERANCE = "7d"


@rule(
    code="SW10STG2",
    message=(
        "A new social worker episode has started before the end date of the previous social "
        "worker episode."
    ),
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_overlaps_previous(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode starts (SW_DECOM) more than 7 days before the day the child's
    previous social worker episode ended (SW_DEC).

    Check both dates: a new episode should start on or after the day the previous one ended, with up
    to 7 days' overlap allowed. An episode whose reason for change is first contact (FCONTA) is not
    checked.
    """
    # DfE's 2024-25 coding changed "equal to" into "on or after" the previous end, with 7 days'
    # tolerance, and exempted FCONTA. The previous episode is the child's one that started just
    # before (ordered by start date, then end date with a blank last, then content). A blank reason
    # is tested. Nothing is tested when the previous episode has no end date (SW08STG2) or a start
    # is blank or unreadable. NOTE: following the message, only a start before the previous end
    # counts: a later start is not flagged (the peer validator still flags gaps over 7 days).
    ordered = with_neighbours(
        ctx.table("SWEpisodes").filter(pl.col("SW_DECOM").is_not_null()),
        ["SW_DEC"],
        order=["SW_DECOM", "SW_DEC"],
    )
    first_contact = pl.col("SW_REASON").is_in(ctx.codes("SW_REASON_FIRST_CONTACT")).fill_null(False)
    too_early = pl.col("SW_DECOM") < pl.col("prev_SW_DEC").dt.offset_by(f"-{TOLERANCE}")
    return ordered.filter(too_early & ~first_contact)


CASES = [
    Case(
        "a start 8 days before the previous end is flagged, with a blank reason too",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2024", "20/06/2024", "MANAGE"],
                ["1", "12/06/2024", "", ""],
                ["6", "01/05/2024", "20/06/2024", "MANAGE"],
                ["6", "01/06/2024", "", "LEFTRL"],
            )
        },
        flagged={"SWEpisodes": [1, 3]},
    ),
    Case(
        "7 days before the previous end, any later start or first contact is not flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["2", "01/05/2024", "20/06/2024", "MANAGE"],
                ["2", "13/06/2024", "01/09/2024", "LEFTRL"],
                ["2", "01/12/2024", "", "LEFTRL"],
                ["3", "01/05/2024", "20/06/2024", "MANAGE"],
                ["3", "01/06/2024", "", "FCONTA"],
            )
        },
    ),
    Case(
        "nothing is tested after an open episode or for a blank start",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["4", "01/05/2024", "", "MANAGE"],
                ["4", "01/06/2024", "", "MANAGE"],
                ["5", "01/05/2024", "20/06/2024", "MANAGE"],
                ["5", "", "", "MANAGE"],
            )
        },
    ),
    Case(
        "of two episodes starting the same day the one ending first comes first, in any row order",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2024", "30/06/2024", "MANAGE"],
                ["1", "01/05/2024", "10/05/2024", "MANAGE"],
                ["2", "01/05/2024", "10/05/2024", "MANAGE"],
                ["2", "01/05/2024", "30/06/2024", "MANAGE"],
                ["3", "01/05/2024", "01/05/2024", "MANAGE"],
                ["3", "01/05/2024", "", "MANAGE"],
                ["4", "01/05/2024", "", "MANAGE"],
                ["4", "01/05/2024", "01/05/2024", "MANAGE"],
            )
        },
        flagged={"SWEpisodes": [0, 3]},
    ),
]
