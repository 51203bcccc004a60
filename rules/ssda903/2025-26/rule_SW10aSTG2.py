"""Rule SW10aSTG2: a social worker episode starts more than 7 days from the previous one's end."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table

# DfE's message: the new episode must start within +/- 7 days of the previous episode.
TOLERANCE = "7d"


@rule(
    code="SW10aSTG2",
    message=(
        "A new social worker episode has started and it is not within +/- 7 days of a previous "
        "episode."
    ),
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_episode_apart_from_previous(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode starts more than 7 days before or after the previous one ended.

    A new social worker takes over from the previous one, so unless the reason is first contact
    (FCONTA) the new episode starts within 7 days either side of the day the child's previous
    episode ended. Check the two dates, and the reason for the change.
    """
    # DfE's coding, as the peer quotes it: if SW_REASON is not FCONTA, SW_DECOM "must be >=
    # (<SW_DEC> +/- 7 days) of previous episode if present". NOTE: that sentence cannot be read
    # literally; the message ("not within +/- 7 days") decides, so a start 8 days or more either
    # side of the previous end is flagged, as the peer's code also does. The previous episode is the
    # child's one that started just before (by SW_DECOM, then SW_DEC with a blank last, then
    # content). Nothing is tested when it has no readable end (an open one is SW08STG2's) or when
    # the start is blank or unreadable. A blank reason is not first contact and is tested. NOTE:
    # SW10STG2, still in the catalogue for 2025-26, also reports a start more than 7 days before the
    # previous end.
    ordered = with_neighbours(
        ctx.table("SWEpisodes").filter(pl.col("SW_DECOM").is_not_null()),
        ["SW_DEC", "_row"],
        order=["SW_DECOM", "SW_DEC"],
    )
    previous_end = pl.col("prev_SW_DEC")
    too_early = pl.col("SW_DECOM") < previous_end.dt.offset_by(f"-{TOLERANCE}")
    too_late = pl.col("SW_DECOM") > previous_end.dt.offset_by(TOLERANCE)
    first_contact = pl.col("SW_REASON").is_in(ctx.codes("SW_REASON_FIRST_CONTACT")).fill_null(False)
    # The previous episode, whose end was compared, is named beside the episode.
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no start is both more than 7 days
    # before and more than 7 days after one end, and a blank previous end makes both sides null.
    return ordered.filter((too_early | too_late) & ~first_contact).with_columns(
        pl.col("prev__row").alias(RELATED_ROW)
    )


CASES = [
    Case(
        "a start 8 days either side of the previous end is flagged; 7 days is not",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2025", "20/06/2025", "FCONTA"],
                ["1", "12/06/2025", "", "MANAGE"],
                ["2", "01/05/2025", "20/06/2025", "FCONTA"],
                ["2", "13/06/2025", "", "MANAGE"],
                ["3", "01/05/2025", "20/06/2025", "FCONTA"],
                ["3", "20/06/2025", "", "MANAGE"],
                ["4", "01/05/2025", "20/06/2025", "FCONTA"],
                ["4", "27/06/2025", "", "MANAGE"],
                ["5", "01/05/2025", "20/06/2025", "FCONTA"],
                ["5", "28/06/2025", "", "MANAGE"],
            )
        },
        flagged={"SWEpisodes": [1, 9]},
        related=(("SWEpisodes", 1, "SWEpisodes", 0), ("SWEpisodes", 9, "SWEpisodes", 8)),
    ),
    Case(
        "first contact, an open or unreadable previous end and a missing start are not tested",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2025", "20/06/2025", "MANAGE"],
                ["1", "01/09/2025", "", "FCONTA"],
                ["2", "01/05/2025", "20/06/2025", "MANAGE"],
                ["2", "01/09/2025", "", ""],
                ["3", "01/05/2025", "", "MANAGE"],
                ["3", "01/09/2025", "", "CHCHAN"],
                ["4", "01/05/2025", "31/06/2025", "MANAGE"],
                ["4", "01/09/2025", "", "CHCHAN"],
                ["5", "01/05/2025", "20/06/2025", "MANAGE"],
                ["5", "", "", "CHCHAN"],
                ["6", "01/05/2025", "20/06/2025", "MANAGE"],
                ["6", "31/09/2025", "", "CHCHAN"],
                ["7", "01/09/2025", "", "CHCHAN"],
            )
        },
        flagged={"SWEpisodes": [3]},
        related=(("SWEpisodes", 3, "SWEpisodes", 2),),
    ),
    Case(
        "each episode is compared with the one that started just before it",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "20/06/2025", "01/10/2025", "LEFTRL"],
                ["1", "01/05/2025", "20/06/2025", "FCONTA"],
                ["1", "20/10/2025", "", "ORGRST"],
            )
        },
        flagged={"SWEpisodes": [2]},
    ),
    Case(
        "of two episodes starting the same day the one ending first comes first, in any row order",
        period="2025-26",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2025", "30/06/2025", "MANAGE"],
                ["1", "01/05/2025", "10/05/2025", "MANAGE"],
                ["2", "01/05/2025", "10/05/2025", "MANAGE"],
                ["2", "01/05/2025", "30/06/2025", "MANAGE"],
                ["3", "01/05/2025", "01/05/2025", "MANAGE"],
                ["3", "01/05/2025", "", "MANAGE"],
                ["4", "01/05/2025", "", "MANAGE"],
                ["4", "01/05/2025", "01/05/2025", "MANAGE"],
            )
        },
        flagged={"SWEpisodes": [0, 3]},
    ),
]
