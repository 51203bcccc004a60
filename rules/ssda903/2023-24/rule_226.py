"""Rule 226: a reason for placement change is given around a temporary placement."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import with_neighbours
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="226",
    message="Reason for placement change is not required.",
    tables=["Episodes"],
    fields=["REASON_PLACE_CHANGE", "PLACE"],
    tags=["episodes", "placements"],
)
def reason_given_for_temporary_placement(ctx: RuleContext) -> pl.LazyFrame:
    """A reason for placement change is given for a temporary placement or the episode before it.

    Leave the reason for placement change blank on a temporary placement (T0 to T4) and on the
    episode just before it.
    """
    # DfE's coding: if PL is T0-T4, REASON_PLACE_CHANGE should be null in the current episode and in
    # the episode before it (the child's previous episode by DECOM). The temporary episode is the
    # one flagged.
    episodes = with_neighbours(ctx.table("Episodes"), ["REASON_PLACE_CHANGE", "_row"])
    temporary = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY"))
    reason_given = (
        pl.col("REASON_PLACE_CHANGE").is_not_null()
        | pl.col("prev_REASON_PLACE_CHANGE").is_not_null()
    )
    # The episode before is named beside the temporary one when its reason is given.
    return episodes.filter(temporary & reason_given).with_columns(
        pl.when(pl.col("prev_REASON_PLACE_CHANGE").is_not_null())
        .then(pl.col("prev__row"))
        .alias(RELATED_ROW)
    )


CASES = [
    Case(
        "a reason on the episode before a temporary placement flags it, in any row order",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "REASON_PLACE_CHANGE"],
                ["1", "01/05/2023", "U1", "CARPL"],
                ["1", "01/06/2023", "T1", ""],
                ["4", "01/06/2023", "T1", ""],
                ["4", "01/05/2023", "U1", "CARPL"],
            )
        },
        flagged={"Episodes": [1, 2]},
        related=(("Episodes", 1, "Episodes", 0), ("Episodes", 2, "Episodes", 3)),
    ),
    Case(
        "a reason on the temporary placement itself, or on it and the episode before, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "REASON_PLACE_CHANGE"],
                ["1", "01/07/2023", "U1", ""],
                ["1", "01/08/2023", "T3", "CHILD"],
                ["5", "01/05/2023", "U1", "CARPL"],
                ["5", "01/06/2023", "T2", "CARPL"],
            )
        },
        flagged={"Episodes": [1, 3]},
        # Only the episode before that has a reason is named.
        related=(("Episodes", 3, "Episodes", 2),),
    ),
    Case(
        "no reason around a temporary placement, or reasons around others, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE", "REASON_PLACE_CHANGE"],
                ["2", "01/05/2023", "U1", ""],
                ["2", "01/06/2023", "T0", ""],
                ["3", "01/05/2023", "", "CARPL"],
                ["3", "01/06/2023", "K2", "CARPL"],
                ["6", "01/06/2023", "T4", ""],
            )
        },
        flagged={},
    ),
]
