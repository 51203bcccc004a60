"""Rule 431: a new period of care starts on or before the day the previous episode ended."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="431",
    message=(
        "The reason for new episode is started to be looked after, but the previous episode "
        "ended on the same day."
    ),
    tables=["Episodes"],
    fields=["RNE", "DECOM"],
    tags=["episodes"],
)
def care_restarts_without_a_gap(ctx: RuleContext) -> pl.LazyFrame:
    """A new period of care (reason S) starts on or before the day the previous episode ended.

    An episode starting the day the last one ended continues the same period of care: record the
    change that took place as the reason for new episode (RNE), or correct a start date (DECOM) that
    overlaps the previous episode.
    """
    # An episode starting the day the last one ended continues the same period of care, so it is not
    # a new start; an earlier DECOM overlaps the previous episode and is flagged too. Episodes are
    # taken in DECOM order. A blank previous DEC (still open) or a blank DECOM is not compared.
    ordered = with_neighbours(ctx.table("Episodes"), ["DEC", "_row"])
    started = pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE"))
    flagged = ordered.filter(started & (pl.col("DECOM") <= pl.col("prev_DEC")))
    # The previous episode, which it was compared with, is named beside the flagged one.
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "RNE S on or before the day the previous episode ended is flagged, in any row order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["1", "01/05/2024", "01/06/2024", "S"],
                ["1", "01/06/2024", "", "S"],
                ["6", "01/05/2024", "01/06/2024", "S"],
                ["6", "31/05/2024", "", "S"],
                ["9", "01/06/2024", "", "S"],
                ["9", "01/05/2024", "01/06/2024", "S"],
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
        "S the day after, another reason, or after an open episode is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["2", "01/05/2024", "01/06/2024", "S"],
                ["2", "02/06/2024", "", "S"],
                ["3", "01/05/2024", "01/06/2024", "S"],
                ["3", "01/06/2024", "", "P"],
                ["4", "01/05/2024", "", "S"],
                ["4", "01/06/2024", "", "S"],
            )
        },
        flagged={},
    ),
    Case(
        "a blank or unreadable start or previous end is not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["5", "01/05/2024", "01/06/2024", "S"],
                ["5", "", "", "S"],
                ["7", "01/05/2024", "31/06/2024", "S"],
                ["7", "01/06/2024", "", "S"],
                ["8", "01/05/2024", "01/06/2024", "S"],
                ["8", "31/06/2024", "", "S"],
            )
        },
        flagged={},
    ),
]
