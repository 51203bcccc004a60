"""Rule 501: an episode starts before the previous episode ended."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="501",
    message="A new episode has started before the end date of the previous episode.",
    tables=["Episodes"],
    fields=["DECOM", "DEC"],
    tags=["dates", "episodes"],
)
def episode_starts_before_previous_ends(ctx: RuleContext) -> pl.LazyFrame:
    """An episode starts (DECOM) before the child's previous episode ended (DEC).

    A child has one episode at a time: check this episode's start date and the end date of the
    episode before it, and correct whichever is wrong.
    """
    # Episodes are taken in DECOM order. A child has one episode at a time, so episodes must not
    # overlap. The later episode of the pair is flagged. A previous episode with a blank or
    # unreadable DEC (still open) is not compared here; nor is an episode whose own DECOM is blank
    # or unreadable (rule 141).
    # The previous episode is named beside the flagged one, as the row it was compared with.
    ordered = with_neighbours(ctx.table("Episodes"), ["DEC", "_row"])
    flagged = ordered.filter(pl.col("DECOM") < pl.col("prev_DEC"))
    return flagged.with_columns(pl.col("prev__row").alias(RELATED_ROW))


CASES = [
    Case(
        "starting the day before the previous episode ends is flagged; on that day or after is not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/05/2024", "10/05/2024"],
                ["1", "09/05/2024", "20/05/2024"],
                ["2", "01/05/2024", "10/05/2024"],
                ["2", "10/05/2024", "20/05/2024"],
                ["2", "21/05/2024", ""],
                ["6", "01/05/2024", "10/05/2024"],
                ["7", "02/05/2024", "20/05/2024"],
                ["9", "01/05/2024", "10/05/2024"],
                ["9", "11/05/2024", ""],
                ["11", "01/06/2024", "30/06/2024"],
                ["11", "01/05/2024", "01/06/2024"],
                ["11", "29/06/2024", ""],
            ),
        },
        flagged={"Episodes": [1, 11]},
        related=(("Episodes", 1, "Episodes", 0), ("Episodes", 11, "Episodes", 9)),
    ),
    Case(
        "episodes are compared in DECOM order, not in the order of the rows",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["3", "15/06/2024", ""],
                ["3", "01/05/2024", "20/06/2024"],
            ),
        },
        flagged={"Episodes": [0]},
    ),
    Case(
        "an open or unreadable previous DEC, or a blank or unreadable DECOM, is not compared",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["4", "01/05/2024", ""],
                ["4", "09/05/2024", "20/05/2024"],
                ["5", "01/05/2024", "10/05/2024"],
                ["5", "", "20/05/2024"],
                ["8", "01/05/2024", "31/02/2024"],
                ["8", "09/05/2024", "20/05/2024"],
                ["10", "01/05/2024", "10/05/2024"],
                ["10", "2024-05-05", ""],
            ),
        },
    ),
]
