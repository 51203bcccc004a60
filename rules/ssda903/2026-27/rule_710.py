"""Rule 710: a child under a DoLO placed in K1, K3, P1 or R5."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="710",
    message=(
        "Child with a DoLO can not be placed in secure children's homes, with parents, young"
        " offender institutions, or supported accommodation."
    ),
    tables=["DoLo", "Episodes"],
    fields=["DOLO_START", "PLACE"],
    tags=["dolo", "placements"],
)
def dolo_in_barred_placement(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """No episode running during a DoLO is in a placement barred for one (the schema's
    PLACE_DOLO_BARRED: K1, K3, P1, R5).

    Why: a secure children's home, parents, a young offender institution or supported
    accommodation cannot hold a child under a deprivation of liberty order. DfE's coding
    applies when the DoLO has both a start and an end, so open orders are not checked. An
    episode runs from its DECOM up to the day before its DEC, and the order from its start to
    its end inclusive.
    """
    orders = ctx.table("DoLo").filter(
        pl.col("DOLO_START").is_not_null() & pl.col("DOLO_END").is_not_null()
    )
    episodes = ctx.table("Episodes").filter(pl.col("PLACE").is_in(ctx.codes("PLACE_DOLO_BARRED")))
    overlaps = orders.join(
        episodes.select(pl.col("_row").alias("_episode_row"), "CHILD", "DECOM", "DEC"),
        on="CHILD",
        how="inner",
    ).filter(
        (pl.col("DECOM") <= pl.col("DOLO_END"))
        & (pl.col("DEC").is_null() | (pl.col("DOLO_START") < pl.col("DEC")))
    )
    return {
        "DoLo": overlaps.select("_row").unique(),
        "Episodes": overlaps.select(pl.col("_episode_row").alias("_row")).unique(),
    }


CASES = [
    Case(
        "episodes in K1, K3, P1 or R5 during an ended DoLO are flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "10/05/2026", "10/06/2026"],
                ["2", "10/05/2026", "10/06/2026"],
                ["3", "10/05/2026", ""],
                ["4", "10/05/2026", "10/06/2026"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "01/04/2026", "10/05/2026", "K1"],
                ["1", "10/05/2026", "", "P1"],
                ["2", "01/04/2026", "", "K2"],
                ["3", "01/04/2026", "", "K3"],
                ["4", "11/06/2026", "", "R5"],
                ["4", "10/06/2026", "11/06/2026", "k3"],
                ["4", "01/05/2026", "10/05/2026", ""],
            ),
        },
        flagged={"DoLo": [0, 3], "Episodes": [1, 5]},
        period="2026-27",
    ),
]
