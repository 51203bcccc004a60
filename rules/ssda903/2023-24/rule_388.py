"""Rule 388: reason episode ceased X1 does not match whether a new episode follows."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="388",
    message=(
        "Reason episode ceased is coded new episode begins, but there is no continuation episode."
    ),
    tables=["Episodes"],
    fields=["REC"],
    tags=["episodes"],
)
def care_continues_without_next_episode(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's reason for ending (X1, care continues) disagrees with when the next one starts.

    If the child stayed looked after, the next episode starts on the day this one ended (DEC) and
    the reason episode ceased (REC) is X1; otherwise the reason says why care ended. Check these
    dates and reasons, and add any missing episode.
    """
    # NOTE: the peer also flags an X1 episode before, or itself with, a DECOM it cannot read; that
    # date fails rule 141 and whether care continued cannot be told from it.
    # DfE's guidance for REC: if an episode ends but the child stays looked after, a new episode
    # starts that day and the ending episode has X1; a child who ceases to be looked after never has
    # X1. Three cases are flagged: X1 with a next episode starting on another day; X1 on the child's
    # last episode once it has ended; and another REC on an episode whose next one starts on its
    # DEC. Episodes follow each other in DECOM order; one with a blank or unreadable DECOM sorts
    # last and is not compared: it fails DfE's stage 1 (rule 141), so it is not "the last episode".
    ordered = with_neighbours(ctx.table("Episodes"), ["DECOM", "_row"])
    continues = pl.col("REC").is_in(ctx.codes("REC_CARE_CONTINUES"))
    has_next = pl.col("next__row").is_not_null()
    follows_on = pl.col("DEC") == pl.col("next_DECOM")
    x1_with_gap = continues & has_next & ~follows_on
    x1_at_the_end = (
        continues & ~has_next & pl.col("DEC").is_not_null() & pl.col("DECOM").is_not_null()
    )
    ceased_but_followed = ~continues & has_next & follows_on
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): the three conditions exclude each
    # other (a next episode or none; X1 or not), so xor is or.
    flagged = ordered.filter(x1_with_gap | x1_at_the_end | ceased_but_followed)
    # The next episode, whose start was compared, is named beside the flagged one (the last
    # episode has none).
    return flagged.with_columns(pl.col("next__row").alias(RELATED_ROW))


CASES = [
    Case(
        "X1 needs an episode starting the same day, and a same-day follow-on needs X1",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2024", "01/06/2024", "X1"],
                ["1", "01/06/2024", "", ""],
                ["2", "01/05/2024", "01/06/2024", "X1"],
                ["2", "02/06/2024", "", ""],
                ["3", "01/05/2024", "01/06/2024", "X1"],
                ["4", "01/05/2024", "01/06/2024", "E8"],
                ["4", "01/06/2024", "01/07/2024", "E8"],
                ["5", "01/05/2024", "01/06/2024", "E8"],
                ["5", "02/06/2024", "01/07/2024", "E8"],
                ["6", "01/05/2024", "", "X1"],
            )
        },
        flagged={"Episodes": [2, 4, 5]},
        related=(("Episodes", 2, "Episodes", 3), ("Episodes", 5, "Episodes", 6)),
    ),
    Case(
        "blank and unreadable dates are not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2024", "", "X1"],
                ["1", "", "01/07/2024", "E8"],
                ["2", "01/05/2024", "31/06/2024", "X1"],
                ["2", "01/06/2024", "", ""],
                ["3", "01/05/2024", "01/06/2024", ""],
                ["3", "01/06/2024", "", ""],
            )
        },
        flagged={},
    ),
    Case(
        "an episode ending after the next one starts does not follow on",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "01/05/2024", "02/06/2024", "X1"],
                ["1", "01/06/2024", "", ""],
                ["2", "01/05/2024", "02/06/2024", "E8"],
                ["2", "01/06/2024", "01/07/2024", "E8"],
                ["3", "01/05/2024", "31/05/2024", "X1"],
                ["3", "01/06/2024", "", ""],
            )
        },
        flagged={"Episodes": [0, 4]},
        related=(("Episodes", 0, "Episodes", 1), ("Episodes", 4, "Episodes", 5)),
    ),
    Case(
        "an X1 episode with an unreadable or blank start is not taken as the child's last",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "REC"],
                ["1", "2023-08-12", "20/05/2024", "X1"],
                ["1", "20/05/2024", "", ""],
                ["2", "31/02/2024", "17/11/2024", "X1"],
                ["2", "17/11/2024", "", ""],
                ["3", "", "01/06/2024", "X1"],
                ["4", "01/05/2024", "01/06/2024", "X1"],
            )
        },
        flagged={"Episodes": [5]},
    ),
]
