"""Rule 437: a child who died or was found to be an adult has later episodes."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.groups import NAMED_AT_MOST
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
    ordered = with_neighbours(ctx.table("Episodes"), ["_row"])
    final = pl.col("REC").is_in(ctx.codes("REC_DIED_OR_ADULT"))
    has_next = pl.col("next__row").is_not_null()
    # The later episodes (the first NAMED_AT_MOST of them, in the order with_neighbours sorts the
    # child's episodes into) are named beside the flagged one; it has at least one, its next.
    later = pl.concat_list(
        [pl.col("_row").shift(-(k + 1)).over(child_of_row()) for k in range(NAMED_AT_MOST)]
    )
    flagged = ordered.with_columns(later.alias(RELATED_ROW)).filter(
        final & has_next & pl.col("DECOM").is_not_null()
    )
    return flagged.explode(RELATED_ROW)


CASES = [
    Case(
        "an E2 episode followed by many names the first of them, not those before it",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                *[["1", f"{day:02}/03/2024", "X1"] for day in (1, 2, 3)],
                ["1", "01/04/2024", "E2"],
                *[["1", f"{day:02}/05/2024", ""] for day in range(1, NAMED_AT_MOST + 3)],
            ),
        },
        flagged={"Episodes": [3]},
        related=tuple(("Episodes", 3, "Episodes", later) for later in range(4, NAMED_AT_MOST + 4)),
    ),
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
