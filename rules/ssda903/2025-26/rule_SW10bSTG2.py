"""Rule SW10bSTG2: a first-contact social worker episode starts before the previous one ended."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="SW10bSTG2",
    message=(
        "A new social worker episode has started with a reason of first contact before the "
        "previous episode has ended."
    ),
    tables=["SWEpisodes"],
    fields=["SW_DECOM", "SW_REASON"],
    tags=["social-workers", "dates"],
)
def first_contact_before_previous_episode_ended(ctx: RuleContext) -> pl.LazyFrame:
    """A first-contact social worker episode starts before the previous episode ended.

    First contact (FCONTA) means the child had no social worker just before, so the episode
    cannot start while the child's previous social worker episode was still running. Check the
    start date, the previous episode's end date and the reason for the change.
    """
    # DfE's coding, as the peer quotes it: if SW_REASON is FCONTA, SW_DECOM "must be > <SW_DEC> of
    # previous episode if present". NOTE: that makes a start on the day the previous episode ended
    # an error, but DfE's message says "before the previous episode has ended"; the message, DfE's
    # published text, decides, so only a start before that day is flagged. The previous episode is
    # the one that started just before (by SW_DECOM, then SW_DEC with a blank last, then content).
    # Nothing is tested when it has no readable end (an open one is SW08STG2's) or when the start is
    # blank or unreadable. Codes are read exactly as written.
    ordered = with_neighbours(
        ctx.table("SWEpisodes").filter(pl.col("SW_DECOM").is_not_null()),
        ["SW_DEC", "_row"],
        order=["SW_DECOM", "SW_DEC"],
    )
    first_contact = pl.col("SW_REASON").is_in(ctx.codes("SW_REASON_FIRST_CONTACT")).fill_null(False)
    # The previous episode, whose end was compared, is named beside the episode.
    return ordered.filter(
        first_contact & (pl.col("SW_DECOM") < pl.col("prev_SW_DEC"))
    ).with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "first contact the day before the previous end is flagged; on or after it is not",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2025", "20/06/2025", "FCONTA"],
                ["1", "19/06/2025", "", "FCONTA"],
                ["2", "01/05/2025", "20/06/2025", "FCONTA"],
                ["2", "20/06/2025", "", "FCONTA"],
                ["3", "01/05/2025", "20/06/2025", "FCONTA"],
                ["3", "21/06/2025", "", "FCONTA"],
                ["4", "01/05/2025", "20/06/2025", "FCONTA"],
                ["4", "19/06/2025", "", "MANAGE"],
                ["5", "01/05/2025", "20/06/2025", "FCONTA"],
                ["5", "19/06/2025", "", ""],
                ["6", "01/05/2025", "20/06/2025", "FCONTA"],
                ["6", "19/06/2025", "", "FCONTA"],
            )
        },
        flagged={"SWEpisodes": [1, 11]},
        related=(("SWEpisodes", 1, "SWEpisodes", 0), ("SWEpisodes", 11, "SWEpisodes", 10)),
    ),
    Case(
        "an open or unreadable previous end, a missing start or no previous episode is not tested",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2025", "", "MANAGE"],
                ["1", "01/06/2025", "", "FCONTA"],
                ["2", "01/05/2025", "31/06/2025", "MANAGE"],
                ["2", "01/06/2025", "", "FCONTA"],
                ["3", "01/05/2025", "20/06/2025", "MANAGE"],
                ["3", "", "", "FCONTA"],
                ["4", "01/05/2025", "20/06/2025", "MANAGE"],
                ["4", "31/04/2025", "", "FCONTA"],
                ["5", "01/06/2025", "", "FCONTA"],
            )
        },
    ),
    Case(
        "each episode is compared with the one that started just before it",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/08/2025", "", "FCONTA"],
                ["1", "01/05/2025", "01/06/2025", "FCONTA"],
                ["1", "01/06/2025", "15/08/2025", "MANAGE"],
            )
        },
        flagged={"SWEpisodes": [0]},
    ),
    Case(
        "of two episodes starting the same day the one ending first comes first, in any row order",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2025", "30/06/2025", "FCONTA"],
                ["1", "01/05/2025", "10/05/2025", "FCONTA"],
                ["2", "01/05/2025", "10/05/2025", "FCONTA"],
                ["2", "01/05/2025", "30/06/2025", "FCONTA"],
                ["3", "01/05/2025", "01/05/2025", "FCONTA"],
                ["3", "01/05/2025", "", "FCONTA"],
                ["4", "01/05/2025", "", "FCONTA"],
                ["4", "01/05/2025", "01/05/2025", "FCONTA"],
            )
        },
        flagged={"SWEpisodes": [0, 3]},
    ),
]
