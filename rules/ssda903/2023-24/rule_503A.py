"""Rule 503A: the first episode's reason for new episode differs from last year's open one."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import carried_over
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="503A",
    message=(
        "The reason for new episode in the first episode does not match open episode at end "
        "of last year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["RNE"],
    tags=["codes", "previous year"],
)
def first_episode_reason_differs_from_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's reason for new episode this year differs from last year's open episode.

    An episode still open on 31 March carries on into the next return unchanged: make this episode's
    reason for new episode (RNE) match last year's open episode, unless last year's was wrong.
    """
    # An episode open at 31 March continues into the next return unchanged. The last episode is the
    # one with the latest DECOM in last year's return, the first the one with the earliest DECOM in
    # this year's. A blank on one side only is a difference; blank on both sides is not. A child
    # absent from either return is not compared.
    pairs = carried_over(ctx, ["RNE"])
    return pairs.filter(pl.col("RNE").ne_missing(pl.col("last_RNE")))


CASES = [
    Case(
        "a reason unlike last year's latest open episode is flagged; the same one is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["1", "01/01/2023", "01/02/2023", "L"],
                ["1", "01/02/2023", "", "P"],
                ["2", "10/03/2023", "", "P"],
                ["8", "10/03/2023", "", "P"],
                ["13", "10/03/2023", "", "P"],
                ["14", "20/03/2023", "", "P"],
                ["14", "10/03/2023", "20/03/2023", "L"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["1", "01/05/2023", "", "L"],
                ["1", "01/02/2023", "01/05/2023", "p"],
                ["2", "10/03/2023", "", "L"],
                ["8", "10/03/2023", "01/05/2023", "P"],
                ["8", "01/05/2023", "", "L"],
                ["13", "10/03/2023", "", "L"],
                ["13", "10/03/2023", "01/05/2023", "P"],
                ["14", "20/03/2023", "", "L"],
            ),
        },
        flagged={"Episodes": [1, 2, 7]},
        # Each names last year's open episode it differs from ("p" is not the code P).
        related=(
            ("Episodes", 1, "Episodes_last", 1),
            ("Episodes", 2, "Episodes_last", 2),
            ("Episodes", 7, "Episodes_last", 5),
        ),
    ),
    Case(
        "a blank reason on one side only is flagged; blank on both sides is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["3", "10/03/2023", "", "P"],
                ["4", "10/03/2023", "", ""],
                ["5", "10/03/2023", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["3", "10/03/2023", "", ""],
                ["4", "10/03/2023", "", "P"],
                ["5", "10/03/2023", "", ""],
            ),
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a child whose last episode last year had ended, or who is new, is not compared",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["6", "10/03/2023", "20/03/2023", "P"],
                ["7", "10/03/2023", "", "P"],
                ["7", "20/03/2023", "25/03/2023", "L"],
                ["10", "10/03/2023", "31/02/2023", "P"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["6", "01/05/2023", "", "T"],
                ["7", "01/05/2023", "", "T"],
                ["9", "01/05/2023", "", "T"],
                ["10", "10/03/2023", "", "L"],
            ),
        },
    ),
    Case(
        "unreadable DECOMs are passed over when finding last year's last and this year's first",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["11", "01/03/2023", "", "P"],
                ["11", "2023-03-20", "", "L"],
                ["12", "10/03/2023", "", "P"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["11", "01/03/2023", "", "L"],
                ["12", "2023-03-10", "", "P"],
                ["12", "01/05/2023", "", "L"],
            ),
        },
        flagged={"Episodes": [0, 2]},
    ),
    Case(
        "only last year's latest open episode is compared, not an earlier one also left open",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["1", "20/03/2023", "", "P"],
                ["1", "10/03/2023", "", "L"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "RNE"],
                ["1", "20/03/2023", "", "P"],
            ),
        },
        flagged={},
    ),
]
