"""Rule 225: a placement change has no reason for the change."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="225",
    message="Reason for placement change must be recorded.",
    tables=["Episodes"],
    fields=["REASON_PLACE_CHANGE"],
    tags=["episodes", "placements"],
)
def placement_change_without_reason(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ends in a change of placement, but no reason for the change is recorded.

    When the child moves placement (episode ends X1 and the next starts with P, B, T or U), record
    why the placement changed (REASON_PLACE_CHANGE), unless either placement is temporary.
    """
    # The next episode is the child's next by DECOM. Moves into or out of a temporary placement
    # (T0-T4) need no reason (rule 226 says one is not required there); a blank PLACE on either side
    # leaves that unknown, so the episode is not flagged.
    temporary = ctx.codes("PLACE_TEMPORARY")
    placement_change = ctx.codes("RNE_PLACEMENT_ONLY") + ctx.codes("RNE_PLACEMENT_AND_LEGAL_STATUS")
    # The next episode, which starts the move, is named beside the flagged one.
    episodes = with_neighbours(ctx.table("Episodes"), ["RNE", "PLACE", "_row"])
    moves = (
        pl.col("REC").is_in(ctx.codes("REC_CARE_CONTINUES"))
        & pl.col("next_RNE").is_in(placement_change)
        & ~pl.col("PLACE").is_in(temporary)
        & ~pl.col("next_PLACE").is_in(temporary)
    )
    flagged = episodes.filter(moves & pl.col("REASON_PLACE_CHANGE").is_null())
    return flagged.with_columns(pl.col("next__row").alias(RELATED_ROW))


COLUMNS = ["CHILD", "DECOM", "REC", "PLACE", "RNE", "REASON_PLACE_CHANGE"]

CASES = [
    Case(
        "a move to another permanent placement (RNE U) without a reason is flagged, in any order",
        tables={
            "Episodes": table(
                COLUMNS,
                ["4", "01/05/2023", "X1", "U1", "S", ""],
                ["4", "01/06/2023", "", "U2", "U", ""],
                ["5", "01/06/2023", "", "U2", "P", ""],
                ["5", "01/05/2023", "X1", "U1", "S", ""],
            )
        },
        flagged={"Episodes": [0, 3]},
        related=(("Episodes", 0, "Episodes", 1), ("Episodes", 3, "Episodes", 2)),
    ),
    Case(
        "of several moves, those with a reason, a temporary side or RNE L are not flagged",
        tables={
            "Episodes": table(
                COLUMNS,
                ["1", "01/05/2023", "X1", "U1", "S", ""],
                ["1", "01/06/2023", "X1", "U2", "P", "CARPL"],
                ["1", "01/07/2023", "X1", "T1", "B", ""],
                ["1", "01/08/2023", "X1", "U3", "P", ""],
                ["1", "01/09/2023", "", "U4", "L", ""],
            )
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "Episodes", 1),),
    ),
    Case(
        "a blank placement on either side, or a child's only episode, is not flagged",
        tables={
            "Episodes": table(
                COLUMNS,
                ["2", "01/05/2023", "X1", "K2", "S", ""],
                ["2", "01/06/2023", "X1", "", "U", ""],
                ["2", "01/07/2023", "", "K2", "B", ""],
                ["3", "01/05/2023", "X1", "K2", "S", ""],
            )
        },
        flagged={},
    ),
]
