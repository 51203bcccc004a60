"""Rule 142: an episode followed by a later episode has no end date or no end reason."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, raw_name, rule, table


@rule(
    code="142",
    message="A new episode has started, but the previous episode has not ended.",
    tables=["Episodes"],
    fields=["DEC", "REC"],
    tags=["episodes"],
)
def earlier_episode_left_open(ctx: RuleContext) -> pl.LazyFrame:
    """An episode that is followed by a later one has no end date or no reason for ending.

    Only the child's latest episode may still be open: give the earlier episode its end date (DEC)
    and the reason it ended (REC).
    """
    # The latest episode is the one with the latest start date. Episodes without a readable start
    # date cannot be placed in order and are left to rule 141. A DEC that is given but unreadable
    # counts as given (rule 147 reports it).
    # NOTE: the peer sorts an unreadable DECOM last and reads an unreadable DEC as blank;
    # DfE's stage 1 (rules 141, 147) reports those dates, which are not compared again here.
    dated = ctx.table("Episodes").filter(pl.col("DECOM").is_not_null())
    # The next episode, which shows this one should have ended, is named beside it.
    ordered = with_neighbours(dated, ["DECOM", "_row"])
    not_ended = pl.col(raw_name("DEC")).is_null() | pl.col("REC").is_null()
    flagged = ordered.filter(pl.col("next_DECOM").is_not_null() & not_ended)
    return flagged.with_columns(pl.col("next__row").alias(RELATED_ROW))


CASES = [
    Case(
        "an earlier episode without DEC, without REC, or without both is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/06/2023", "", ""],
                ["1", "01/05/2023", "", ""],
                ["2", "01/05/2023", "01/06/2023", ""],
                ["2", "01/06/2023", "", ""],
                ["7", "01/05/2023", "", "X1"],
                ["7", "01/06/2023", "", ""],
            )
        },
        flagged={"Episodes": [1, 2, 4]},
        related=(
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 2, "Episodes", 3),
            ("Episodes", 4, "Episodes", 5),
        ),
    ),
    Case(
        "an ended earlier episode, an unreadable DEC counting as given, and the latest are not "
        "flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["3", "01/05/2023", "01/06/2023", "X1"],
                ["3", "01/06/2023", "", ""],
                ["4", "01/05/2023", "", ""],
                ["6", "01/05/2023", "31/06/2023", "X1"],
                ["6", "01/07/2023", "", ""],
            )
        },
        flagged={},
    ),
    Case(
        "episodes without a readable start date are not put in order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["5", "01/05/2023", "", ""],
                ["5", "", "", ""],
                ["8", "01/05/2023", "", ""],
                ["8", "31/02/2024", "", ""],
            )
        },
        flagged={},
    ),
]
