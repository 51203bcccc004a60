"""Rule 710: a child under a DoLO placed in K1, K3, P1 or R5."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.dolo import episodes_during_ended_orders
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
    """A child under a deprivation of liberty order is in a placement that cannot hold one.

    A secure children's home (K1), placement with parents (P1), a young offender institution (R5) or
    supported accommodation (K3) cannot hold a child under a DoLO: check the placement type (PLACE)
    of each episode during the order, and the order's dates.
    """
    # NOTE: the peer reads a column PLACEMENT that Episodes does not have (PLACE), and fails.
    # The barred list is the schema's PLACE_DOLO_BARRED: K1, K3, P1, R5. Only ended orders are
    # checked (see rulekit.dolo).
    episodes = ctx.table("Episodes").filter(pl.col("PLACE").is_in(ctx.codes("PLACE_DOLO_BARRED")))
    return episodes_during_ended_orders(ctx, episodes)


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
        flagged={"DoLo": [0], "Episodes": [1]},
        related=(("DoLo", 0, "Episodes", 1), ("Episodes", 1, "DoLo", 0)),
        period="2026-27",
    ),
    Case(
        "an episode ending a day after the order starts or starting a day before it ends counts",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "10/05/2026", "10/06/2026"],
                ["2", "10/05/2026", "31/02/2026"],
                ["3", "10/05/2026", "10/06/2026"],
                ["5", "2026-05-10", "10/06/2026"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "01/04/2026", "11/05/2026", "K1"],
                ["1", "11/05/2026", "10/06/2026", "K2"],
                ["2", "01/04/2026", "", "P1"],
                ["3", "09/06/2026", "31/02/2026", "R5"],
                ["3", "11/06/2026", "", "K3"],
                ["5", "01/04/2026", "", "P1"],
            ),
        },
        flagged={"DoLo": [0, 2], "Episodes": [0, 3]},
        related=(
            ("DoLo", 0, "Episodes", 0),
            ("DoLo", 2, "Episodes", 3),
            ("Episodes", 0, "DoLo", 0),
            ("Episodes", 3, "DoLo", 2),
        ),
        period="2026-27",
    ),
]
