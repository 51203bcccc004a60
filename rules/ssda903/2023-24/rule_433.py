"""Rule 433: a continuation episode does not start the day the previous one ended."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="433",
    message=(
        "The reason for new episode suggests that this is a continuation episode, but the "
        "episode does not start on the same day as the last episode finished."
    ),
    tables=["Episodes"],
    fields=["RNE", "DECOM"],
    tags=["episodes"],
)
def continuation_episode_not_contiguous(ctx: RuleContext) -> pl.LazyFrame:
    """A continuation episode (reason P, L, T, U or B) does not start the day the last one ended.

    These reasons record a change within one period of care, so the episode starts (DECOM) on the
    day the previous one ended (DEC): correct whichever date is wrong, or the reason for new episode
    if care had ended in between.
    """
    # These reasons record a change within one period of care. Episodes are taken in DECOM order;
    # the child's first episode has nothing to follow and is not checked. A previous episode still
    # open (blank DEC) has not ended on this DECOM and is flagged. NOTE: a blank DECOM cannot be
    # placed and is left to rule 141 (the open-source peer validator flags it here).
    ordered = with_neighbours(ctx.table("Episodes"), ["DEC", "_row"])
    continuation = pl.col("RNE").is_in(ctx.codes("RNE_CONTINUATION"))
    has_previous = pl.col("prev__row").is_not_null()
    follows_on = (pl.col("DECOM") == pl.col("prev_DEC")).fill_null(False)
    dated = pl.col("DECOM").is_not_null()
    flagged = ordered.filter(continuation & has_previous & dated & ~follows_on)
    # The previous episode, which it was compared with, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "a continuation starting the day the previous episode ended is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["1", "01/05/2024", "01/06/2024", "S"],
                ["1", "01/06/2024", "", "P"],
                ["10", "01/06/2024", "", "T"],
                ["10", "01/05/2024", "01/06/2024", "S"],
            ),
        },
    ),
    Case(
        "a first episode, or a new start (RNE S) after a gap, is not checked",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["5", "01/05/2024", "01/06/2024", "P"],
                ["6", "01/05/2024", "01/06/2024", "S"],
                ["6", "10/06/2024", "", "S"],
            ),
        },
    ),
    Case(
        "a continuation starting the day before or after the previous DEC is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["2", "01/05/2024", "01/06/2024", "S"],
                ["2", "02/06/2024", "", "L"],
                ["3", "01/05/2024", "01/06/2024", "S"],
                ["3", "31/05/2024", "", "U"],
                ["11", "02/06/2024", "", "L"],
                ["11", "01/05/2024", "01/06/2024", "S"],
            ),
        },
        flagged={"Episodes": [1, 3, 4]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 3, "Episodes", 2),
            ("Episodes", 4, "Episodes", 5),
        ),
    ),
    Case(
        "a continuation after a DEC that is blank or unreadable is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["4", "01/05/2024", "", "S"],
                ["4", "01/06/2024", "", "T"],
                ["8", "01/05/2024", "31/06/2024", "S"],
                ["8", "01/06/2024", "", "P"],
            ),
        },
        flagged={"Episodes": [1, 3]},
        related=(("Episodes", 1, "Episodes", 0), ("Episodes", 3, "Episodes", 2)),
    ),
    Case(
        "a continuation with a blank or unreadable DECOM is left to rule 141",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["7", "01/05/2024", "01/06/2024", "S"],
                ["7", "", "", "B"],
                ["9", "01/05/2024", "01/06/2024", "S"],
                ["9", "31/06/2024", "", "P"],
            ),
        },
    ),
]
