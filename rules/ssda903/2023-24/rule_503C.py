"""Rule 503C: the category of need in the first episode differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import carried_over
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="503C",
    message=(
        "The category of need in the first episode does not match open episode at end of last year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["CIN"],
    tags=["codes", "previous year"],
)
def first_episode_need_differs_from_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's category of need this year differs from last year's open episode.

    An episode still open on 31 March carries on into the next return unchanged: make this episode's
    category of need (CIN) match last year's open episode, unless last year's was wrong.
    """
    # An episode open at 31 March continues into the next return unchanged. The last episode is the
    # one with the latest DECOM in last year's return, the first the one with the earliest DECOM in
    # this year's. A blank on one side only is a difference; blank on both sides is not. A child
    # absent from either return is not compared.
    pairs = carried_over(ctx, ["CIN"])
    return pairs.filter(pl.col("CIN").ne_missing(pl.col("last_CIN")))


CASES = [
    Case(
        "a category of need unlike last year's latest open episode is flagged; the same one is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["1", "01/01/2023", "01/02/2023", "N2"],
                ["1", "01/02/2023", "", "N1"],
                ["2", "10/03/2023", "", "N1"],
                ["8", "10/03/2023", "", "N1"],
                ["13", "10/03/2023", "", "N1"],
                ["14", "20/03/2023", "", "N1"],
                ["14", "10/03/2023", "20/03/2023", "N2"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["1", "01/05/2023", "", "N2"],
                ["1", "01/02/2023", "01/05/2023", "n1"],
                ["2", "10/03/2023", "", "N2"],
                ["8", "10/03/2023", "01/05/2023", "N1"],
                ["8", "01/05/2023", "", "N2"],
                ["13", "10/03/2023", "", "N1"],
                ["13", "10/03/2023", "", "N2"],
                ["14", "20/03/2023", "", "N2"],
            ),
        },
        flagged={"Episodes": [1, 2, 7]},
    ),
    Case(
        "a blank category of need on one side only is flagged; blank on both sides is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["3", "10/03/2023", "", "N1"],
                ["4", "10/03/2023", "", ""],
                ["5", "10/03/2023", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["3", "10/03/2023", "", ""],
                ["4", "10/03/2023", "", "N1"],
                ["5", "10/03/2023", "", ""],
            ),
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a child whose last episode last year had ended, or who is new, is not compared",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["6", "10/03/2023", "20/03/2023", "N1"],
                ["7", "10/03/2023", "", "N1"],
                ["7", "20/03/2023", "25/03/2023", "N2"],
                ["10", "10/03/2023", "31/02/2023", "N1"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["6", "01/05/2023", "", "N4"],
                ["7", "01/05/2023", "", "N4"],
                ["9", "01/05/2023", "", "N4"],
                ["10", "10/03/2023", "", "N2"],
            ),
        },
    ),
    Case(
        "unreadable DECOMs are passed over when finding last year's last and this year's first",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["11", "01/03/2023", "", "N1"],
                ["11", "2023-03-20", "", "N2"],
                ["12", "10/03/2023", "", "N1"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "CIN"],
                ["11", "01/03/2023", "", "N2"],
                ["12", "2023-03-10", "", "N1"],
                ["12", "01/05/2023", "", "N2"],
            ),
        },
        flagged={"Episodes": [0, 2]},
    ),
]
