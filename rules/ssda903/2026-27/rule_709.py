"""Rule 709: a child under a DoLO placed other than in K2, Z12 or Z13."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.dolo import episodes_during_ended_orders
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="709",
    message="Child with a DoLO is in an unexpected placement type.",
    tables=["DoLo", "Episodes"],
    fields=["DOLO_START", "PLACE"],
    severity="query",
    tags=["dolo", "placements"],
)
def dolo_in_unexpected_placement(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child under a deprivation of liberty order is in an unexpected type of placement.

    This is a query: a child under a DoLO is expected to be in a children's home (K2) or a placement
    coded Z12 or Z13. Check the placement type (PLACE) of each episode during the order, and the
    order's dates.
    """
    # NOTE: the peer reads a column PLACEMENT that Episodes does not have (PLACE), and fails.
    # The expected list is the schema's PLACE_DOLO_EXPECTED. "Unexpected" is not "wrong", so this is
    # a query; a blank placement is flagged too. Only ended orders are checked (see rulekit.dolo).
    episodes = ctx.table("Episodes").filter(
        ~pl.col("PLACE").is_in(ctx.codes("PLACE_DOLO_EXPECTED")).fill_null(False)
    )
    return episodes_during_ended_orders(ctx, episodes)


CASES = [
    Case(
        "episodes during an ended DoLO outside K2, Z12 and Z13 are queried",
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
                ["1", "01/04/2026", "10/05/2026", "U1"],
                ["1", "10/05/2026", "", "K1"],
                ["2", "01/04/2026", "", "K2"],
                ["3", "01/04/2026", "", "U1"],
                ["4", "11/06/2026", "", "U1"],
                ["4", "10/06/2026", "11/06/2026", ""],
                ["4", "01/05/2026", "10/05/2026", "U3"],
            ),
        },
        flagged={"DoLo": [0, 3], "Episodes": [1, 5]},
        related=(
            ("DoLo", 0, "Episodes", 1),
            ("DoLo", 3, "Episodes", 5),
            ("Episodes", 1, "DoLo", 0),
            ("Episodes", 5, "DoLo", 3),
        ),
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
                ["1", "01/04/2026", "11/05/2026", "U1"],
                ["1", "11/05/2026", "10/06/2026", "K2"],
                ["2", "01/04/2026", "", "U1"],
                ["3", "09/06/2026", "31/02/2026", "U1"],
                ["3", "11/06/2026", "", "U1"],
                ["5", "01/04/2026", "", "U1"],
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
    Case(
        "an episode that ended the day before the order started is not queried",
        tables={
            "DoLo": table(
                ["CHILD", "DOLO_START", "DOLO_END"],
                ["1", "10/05/2026", "10/06/2026"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE"],
                ["1", "01/04/2026", "09/05/2026", "U1"],
                ["1", "09/05/2026", "", "K2"],
            ),
        },
        flagged={},
        period="2026-27",
    ),
]
