"""Rule 432: after care ended, the next episode is not recorded as a new start."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="432",
    message=(
        "The child ceased to be looked after at the end of the previous episode but the reason "
        "for the new episode is not started to be looked after."
    ),
    tables=["Episodes"],
    fields=["RNE"],
    tags=["episodes"],
)
def care_ended_but_next_episode_continues(ctx: RuleContext) -> pl.LazyFrame:
    """The episode after care ended is not recorded as a new start of care (reason S).

    When a child stops being looked after, their next episode starts a new period of care: change
    its reason for new episode (RNE) to S, or correct the previous episode's reason for ending (REC)
    if care did not end.
    """
    # NOTE: the peer sorts an episode whose DECOM it cannot read after the child's others and checks
    # it against the latest; that date fails rule 141, and the episode cannot be placed.
    # An E-coded reason episode ceased means the child stopped being looked after, so the next
    # episode starts a new period of care. Episodes are taken in DECOM order; an episode with a
    # blank DECOM cannot be placed and is not checked. A blank RNE is not S and is flagged; a blank
    # or unknown previous REC is not taken as care ending.
    ordered = with_neighbours(ctx.table("Episodes"), ["REC", "_row"])
    previous = pl.col("prev_REC")
    care_ended = (
        previous.is_in(ctx.codes("REC")) & ~previous.is_in(ctx.codes("REC_CARE_CONTINUES"))
    ).fill_null(False)
    started = pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")).fill_null(False)
    flagged = ordered.filter(care_ended & ~started & pl.col("DECOM").is_not_null())
    # The previous episode, which it was compared with, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "after an E code the next episode not starting with S (or blank) is flagged, any row order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC", "RNE"],
                ["2", "01/05/2024", "E13", "S"],
                ["2", "01/08/2024", "", "P"],
                ["4", "01/05/2024", "E8", "S"],
                ["4", "01/08/2024", "", ""],
                ["8", "01/08/2024", "", "P"],
                ["8", "01/05/2024", "E8", "S"],
            )
        },
        flagged={"Episodes": [1, 3, 4]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 3, "Episodes", 2),
            ("Episodes", 4, "Episodes", 5),
        ),
    ),
    Case(
        "S after an E code, or any reason after X1 or a blank REC, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC", "RNE"],
                ["1", "01/05/2024", "E8", "S"],
                ["1", "01/08/2024", "", "S"],
                ["3", "01/05/2024", "X1", "S"],
                ["3", "01/06/2024", "", "P"],
                ["5", "01/05/2024", "", "S"],
                ["5", "01/08/2024", "", "P"],
            )
        },
        flagged={},
    ),
    Case(
        "an episode with a blank or unreadable start is not checked",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC", "RNE"],
                ["6", "01/05/2024", "E8", "S"],
                ["6", "", "", "P"],
                ["7", "01/05/2024", "E8", "S"],
                ["7", "31/06/2024", "", "P"],
            )
        },
        flagged={},
    ),
]
