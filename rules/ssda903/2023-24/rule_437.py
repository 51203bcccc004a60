"""Rule 437: a child who died or was found to be an adult has later episodes."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="437",
    message=(
        "Reason episode ceased is child has died or is aged 18 or over but there are further "
        "episodes."
    ),
    tables=["Episodes"],
    fields=["REC"],
    tags=["episodes"],
)
def episodes_after_death_or_adulthood(ctx: RuleContext) -> pl.LazyFrame:
    """A child who died (reason E2) or was found to be 18 or over (E15) has a later episode.

    Neither child can be looked after again: check the reason the episode ended (REC) and the later
    episodes, and correct whichever is wrong.
    """
    # Neither child can be looked after again. Episodes are taken in DECOM order; an episode with a
    # blank DECOM sorts last, so it counts as a later episode but is not itself flagged (rule 141
    # reports it).
    # Each episode's place among the child's, in the order with_neighbours sorts them into.
    ordered = with_neighbours(ctx.table("Episodes"), ["_row"]).with_columns(
        _child=child_of_row(), _place=pl.int_range(pl.len()).over(child_of_row())
    )
    final = pl.col("REC").is_in(ctx.codes("REC_DIED_OR_ADULT"))
    has_next = pl.col("next__row").is_not_null()
    flagged = ordered.filter(final & has_next & pl.col("DECOM").is_not_null())
    # Every later episode is named beside the flagged one; it has at least one, its next.
    later = ordered.select("_child", pl.col("_row").alias(RELATED_ROW), _later_place="_place")
    return flagged.join(later, on="_child").filter(pl.col("_later_place") > pl.col("_place"))


CASES = [
    Case(
        "E2 or E15 followed by a later episode is flagged, in DECOM order, naming every later one",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/05/2024", "E2"],
                ["1", "01/06/2024", ""],
                ["4", "01/06/2024", "E2"],
                ["4", "", ""],
                ["6", "01/05/2024", "E2"],
                ["6", "31/02/2024", ""],
                ["8", "01/06/2024", ""],
                ["8", "01/05/2024", "E15"],
                ["8", "01/04/2024", "X1"],
                ["8", "01/07/2024", ""],
            ),
        },
        flagged={"Episodes": [0, 2, 4, 7]},
        related=(
            ("Episodes", 0, "Episodes", 1),
            ("Episodes", 2, "Episodes", 3),
            ("Episodes", 4, "Episodes", 5),
            ("Episodes", 7, "Episodes", 6),
            ("Episodes", 7, "Episodes", 9),
        ),
    ),
    Case(
        "E2 or E15 on the child's last episode, or another reason, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["2", "01/05/2024", "E15"],
                ["3", "01/05/2024", "E8"],
                ["3", "01/06/2024", "E15"],
                ["9", "01/07/2024", "E2"],
                ["9", "01/06/2024", "E8"],
                ["10", "01/05/2024", "E3"],
                ["10", "01/06/2024", ""],
            ),
        },
    ),
    Case(
        "an E2 or E15 episode with a blank or unreadable DECOM is left to rule 141",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["5", "", "E2"],
                ["5", "01/05/2024", "E8"],
                ["7", "31/02/2024", "E15"],
                ["7", "01/06/2024", ""],
            ),
        },
    ),
]
