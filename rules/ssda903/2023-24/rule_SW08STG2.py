"""Rule SW08STG2: a social worker episode is still open when the next one starts."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="SW08STG2",
    message="A new social worker episode has started, but the previous episode has not ended.",
    tables=["SWEpisodes"],
    fields=["SW_DEC"],
    tags=["social-workers"],
)
def social_worker_episode_left_open(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode has no end date (SW_DEC) although a later social worker episode for
    the same child has started.

    Add the date this episode ended: only the child's latest social worker episode may be left open.
    """
    # Only the latest episode (by start date) may be open; the earlier, open episode is
    # flagged. Episodes without a readable start cannot be ordered and are not tested; an
    # unreadable end date is SW05STG1's concern, so only a blank one counts as open.
    ordered = with_neighbours(
        ctx.table("SWEpisodes").filter(pl.col("SW_DECOM").is_not_null()),
        ["SW_DECOM", "_row"],
        order=["SW_DECOM", "SW_DEC"],
    )
    # The episode that started next is named beside the open one.
    return ordered.filter(
        pl.col("next_SW_DECOM").is_not_null() & pl.col("SW_DEC#raw").is_null()
    ).with_columns(pl.col("next__row").alias(RELATED_ROW))


CASES = [
    Case(
        "an open episode followed by a later one is flagged, in any file order",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["1", "01/05/2023", ""],
                ["1", "01/08/2023", ""],
                ["5", "01/09/2023", ""],
                ["5", "01/05/2023", "01/06/2023"],
                ["5", "01/06/2023", ""],
            )
        },
        flagged={"SWEpisodes": [0, 4]},
        related=(("SWEpisodes", 0, "SWEpisodes", 1), ("SWEpisodes", 4, "SWEpisodes", 2)),
    ),
    Case(
        "the open latest episode, one after a blank start and one with an unreadable end are not",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC"],
                ["2", "01/05/2023", "01/08/2023"],
                ["2", "01/08/2023", ""],
                ["3", "01/08/2023", ""],
                ["3", "", ""],
                ["4", "01/05/2023", "31/02/2023"],
                ["4", "01/08/2023", ""],
            )
        },
    ),
    Case(
        "of two episodes starting the same day the open one is the later, in any row order; an "
        "open episode followed by a later one is flagged",
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM", "SW_DEC", "SW_REASON"],
                ["1", "01/05/2023", "30/06/2023", "MANAGE"],
                ["1", "01/05/2023", "10/05/2023", "MANAGE"],
                ["2", "01/05/2023", "10/05/2023", "MANAGE"],
                ["2", "01/05/2023", "30/06/2023", "MANAGE"],
                ["3", "01/05/2023", "01/05/2023", "MANAGE"],
                ["3", "01/05/2023", "", "MANAGE"],
                ["4", "01/05/2023", "", "MANAGE"],
                ["4", "01/05/2023", "01/05/2023", "MANAGE"],
                ["5", "01/05/2023", "", "MANAGE"],
                ["5", "01/06/2023", "", "MANAGE"],
            )
        },
        flagged={"SWEpisodes": [8]},
    ),
]
