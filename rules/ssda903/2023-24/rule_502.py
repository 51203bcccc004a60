"""Rule 502: the first episode this year does not start when last year's open episode did."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import carried_over
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="502",
    message=(
        "Last year's record ended with an open episode. The date on which that episode started "
        "does not match the start date of the first episode on this year’s record."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["DECOM"],
    tags=["episodes", "previous year"],
)
def first_episode_start_differs_from_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """This year's first episode does not start on the date last year's open episode started.

    An episode still open on 31 March carries on into the next return unchanged: make this episode's
    start date (DECOM) match last year's open episode, unless last year's was wrong.
    """
    # An episode open at 31 March continues into the next return unchanged, so the first episode
    # this year is that same episode. The last episode is the one with the latest DECOM in last
    # year's return; the first is the one with the earliest DECOM in this year's. A child absent
    # from either return is not compared.
    pairs = carried_over(ctx, ["DECOM"])
    return pairs.filter(pl.col("DECOM") != pl.col("last_DECOM"))


CASES = [
    Case(
        "a first episode starting a day before or after last year's open one is flagged",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/01/2023", "01/02/2023"],
                ["1", "01/02/2023", ""],
                ["2", "10/03/2023", ""],
                ["3", "10/03/2023", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/05/2023", ""],
                ["1", "01/02/2023", "01/05/2023"],
                ["2", "09/03/2023", "01/05/2023"],
                ["2", "10/03/2023", ""],
                ["3", "11/03/2023", ""],
            ),
        },
        flagged={"Episodes": [2, 4]},
    ),
    Case(
        "a child whose last episode last year had ended, or in one return only, is not compared",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC"],
                ["4", "10/03/2023", "20/03/2023"],
                ["5", "10/03/2023", ""],
                ["5", "20/03/2023", "25/03/2023"],
                ["6", "10/03/2023", "31/02/2023"],
                ["11", "10/03/2023", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["4", "01/05/2023", ""],
                ["5", "01/05/2023", ""],
                ["6", "01/05/2023", ""],
                ["8", "01/05/2023", ""],
            ),
        },
    ),
    Case(
        "blank or unreadable DECOMs are passed over when finding the last and first episodes",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC"],
                ["7", "10/03/2023", ""],
                ["9", "10/03/2023", "20/03/2023"],
                ["9", "31/02/2023", ""],
                ["10", "10/03/2023", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["7", "", ""],
                ["7", "10/03/2023", ""],
                ["9", "01/05/2023", ""],
                ["10", "2023-03-10", ""],
                ["10", "01/05/2023", ""],
            ),
        },
        flagged={"Episodes": [4]},
    ),
]
