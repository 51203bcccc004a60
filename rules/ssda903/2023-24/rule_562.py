"""Rule 562: an episode carried over from last year is not last year's latest episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, by_content, rule, table
from csc_validate.tables import PREVIOUS_SUFFIX


@rule(
    code="562",
    message=(
        "Episode commenced before the start of the current collection year but there is a missing"
        " continuous episode in the previous year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["DECOM"],
    tags=["episodes", "previous-year"],
)
def carried_over_episode_not_in_last_year(ctx: RuleContext) -> pl.LazyFrame:
    """The child's first episode started before 1 April but is not last year's latest episode.

    An episode that carries on from last year appears in both returns with the same start date
    (DECOM): check the start date against the child's last episode in last year's return, and the
    child's ID.
    """
    # An episode open across 31 March appears in both returns with the same DECOM, and it must be
    # the last one last year. Blank DECOMs are not compared; a child missing from last year's
    # Episodes is flagged. The rule needs last year's table.
    episodes = ctx.table("Episodes").filter(pl.col("DECOM").is_not_null())
    first = episodes.sort("DECOM", by_content()).group_by(child_of_row()).first()
    carried = first.filter(pl.col("DECOM") < ctx.start)
    latest_last_year = (
        ctx.table("Episodes_last")
        .filter(pl.col("DECOM").is_not_null())
        .group_by(child_of_row())
        .agg(pl.col("DECOM").max())
    )
    # Last year's latest episode, the one compared, is named beside the episode; a child missing
    # from last year has nothing to name.
    last_rows = (
        ctx.table("Episodes_last")
        .filter(pl.col("DECOM").is_not_null())
        # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): no DECOM is after the child's
        # latest, so `>=` the latest keeps what `==` keeps.
        .filter(pl.col("DECOM") == pl.col("DECOM").max().over(child_of_row()))
    )
    missed = carried.join(latest_last_year, on=["CHILD", "DECOM"], how="anti")
    return beside(missed, last_rows, f"Episodes{PREVIOUS_SUFFIX}")


CASES = [
    Case(
        "a first episode before 1 April on last year's latest DECOM is not flagged; a day off is",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "31/03/2025"],
                ["10", "01/06/2025"],
                ["10", "01/02/2025"],
                ["11", "01/06/2025"],
                ["11", "30/03/2025"],
                ["12", "31/03/2025"],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM"],
                ["1", "01/01/2025"],
                ["1", "31/03/2025"],
                ["10", "01/02/2025"],
                ["11", "31/03/2025"],
                ["12", "30/03/2025"],
            ),
        },
        flagged={"Episodes": [4, 5]},
        related=(("Episodes", 4, "Episodes_last", 3), ("Episodes", 5, "Episodes_last", 4)),
        period="2025-26",
    ),
    Case(
        "a first episode before 1 April that is not last year's latest, or is new, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["2", "31/03/2025"],
                ["2", "01/06/2025"],
                ["4", "01/01/2025"],
                ["5", "01/01/2025"],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM"], ["2", "01/01/2025"], ["4", "01/01/2025"], ["4", "01/02/2025"]
            ),
        },
        flagged={"Episodes": [0, 2, 3]},
        related=(("Episodes", 0, "Episodes_last", 0), ("Episodes", 2, "Episodes_last", 2)),
        period="2025-26",
    ),
    Case(
        "a first episode starting on or after 1 April is not compared",
        tables={
            "Episodes": table(["CHILD", "DECOM"], ["3", "01/04/2025"], ["7", "02/04/2025"]),
            "Episodes_last": table(["CHILD", "DECOM"]),
        },
        period="2025-26",
    ),
    Case(
        "blank or unreadable DECOMs are passed over in both years",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["6", ""],
                ["8", "31/02/2025"],
                ["8", "01/06/2025"],
                ["9", "01/03/2025"],
            ),
            "Episodes_last": table(
                ["CHILD", "DECOM"], ["6", "01/01/2025"], ["9", "01/03/2025"], ["9", "2025-03-20"]
            ),
        },
        period="2025-26",
    ),
]
