"""Rule 426: a child has short breaks recorded under both V3 and V4."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.groups import NAMED_AT_MOST
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="426",
    message=(
        "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in "
        "the same year."
    ),
    tables=["Episodes"],
    fields=["LS"],
    tags=["codes"],
)
def short_breaks_under_v3_and_v4(ctx: RuleContext) -> pl.LazyFrame:
    """A child's short breaks are recorded under both legal statuses V3 and V4 in the same year.

    Short breaks are recorded either as separate episodes (V3) or as one agreement (V4), not both:
    choose one for this child and correct the legal status of the other episodes.
    """
    # The two statuses are alternative ways to record the same series of breaks; every V3 and V4
    # episode of such a child is flagged.
    episodes = ctx.table("Episodes")
    as_episodes = pl.col("LS").is_in(ctx.codes("LS_RESPITE_EPISODE")).any().over(child_of_row())
    as_agreement = pl.col("LS").is_in(ctx.codes("LS_RESPITE_AGREEMENT")).any().over(child_of_row())
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    flagged = episodes.filter(respite & as_episodes & as_agreement).with_columns(
        _child=child_of_row(), _agreement=pl.col("LS").is_in(ctx.codes("LS_RESPITE_AGREEMENT"))
    )
    # Each episode names the child's episodes recorded the other way, V3 beside V4 (the first
    # NAMED_AT_MOST of them in the file). Every flagged child has both, so each episode names at
    # least one and none is lost.
    first = pl.col("_row").rank("ordinal").over("_child", "_agreement") <= NAMED_AT_MOST
    other_way = flagged.filter(first).select(
        "_child", pl.col("_row").alias(RELATED_ROW), _agreement=~pl.col("_agreement")
    )
    return flagged.join(other_way, on=["_child", "_agreement"])


CASES = [
    Case(
        "a V4 episode names the first of many V3 episodes; each V3 names the V4",
        tables={
            "Episodes": table(["CHILD", "LS"], ["1", "V4"], *[["1", "V3"]] * (NAMED_AT_MOST + 2))
        },
        flagged={"Episodes": list(range(NAMED_AT_MOST + 3))},
        related=(
            *(("Episodes", 0, "Episodes", v3) for v3 in range(1, NAMED_AT_MOST + 1)),
            *(("Episodes", v3, "Episodes", 0) for v3 in range(1, NAMED_AT_MOST + 3)),
        ),
    ),
    Case(
        "each V3 episode names the child's V4 episodes and each V4 its V3 ones",
        tables={
            "Episodes": table(
                ["CHILD", "LS"],
                ["1", "V3"],
                ["1", "V3"],
                ["1", "V4"],
                ["1", "C2"],
                ["2", "V4"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
        related=(
            ("Episodes", 0, "Episodes", 2),
            ("Episodes", 1, "Episodes", 2),
            ("Episodes", 2, "Episodes", 0),
            ("Episodes", 2, "Episodes", 1),
        ),
    ),
    Case(
        "V3 and V4 for one child flags both, not the child's other statuses",
        tables={
            "Episodes": table(
                ["CHILD", "LS"],
                ["1", "V3"],
                ["1", "V4"],
                ["1", "C2"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "only V3, or only V4 with a blank status, for a child is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS"],
                ["2", "V3"],
                ["2", "V3"],
                ["3", "V4"],
                ["3", ""],
                ["4", "V3"],
            )
        },
        flagged={},
    ),
    Case(
        "rows with a blank CHILD are no one child's: V3 and V4 on two such rows are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS"],
                ["", "V3"],
                ["", "V4"],
                ["5", "V3"],
                ["5", "V4"],
            )
        },
        flagged={"Episodes": [2, 3]},
        related=(("Episodes", 2, "Episodes", 3), ("Episodes", 3, "Episodes", 2)),
    ),
]
