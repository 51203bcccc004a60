"""Rule 503F: the Ofsted URN in the first episode differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import carried_over
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="503F",
    message="The Ofsted URN in the  first episode does not match open episode at end of last year.",
    tables=["Episodes", "Episodes_last"],
    fields=["URN"],
    tags=["placements", "previous year"],
)
def first_episode_urn_differs_from_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's Ofsted URN this year differs from last year's open episode.

    An episode still open on 31 March carries on into the next return unchanged: make this episode's
    Ofsted URN (URN) match last year's open episode, unless last year's was wrong.
    """
    # An episode open at 31 March continues into the next return unchanged. The last episode is the
    # one with the latest DECOM in last year's return, the first the one with the earliest DECOM in
    # this year's. A blank on one side only is a difference; blank on both sides is not. A child
    # absent from either return is not compared.
    pairs = carried_over(ctx, ["URN"])
    return pairs.filter(pl.col("URN").ne_missing(pl.col("last_URN")))


CASES = [
    Case(
        "a URN unlike last year's latest open episode is flagged; the same one is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["1", "01/01/2023", "01/02/2023", "SC654321"],
                ["1", "01/02/2023", "", "SC123456"],
                ["2", "10/03/2023", "", "SC123456"],
                ["8", "10/03/2023", "", "SC123456"],
                ["13", "10/03/2023", "", "SC123456"],
                ["14", "20/03/2023", "", "SC123456"],
                ["14", "10/03/2023", "20/03/2023", "SC654321"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["1", "01/05/2023", "", "SC654321"],
                ["1", "01/02/2023", "01/05/2023", "sc123456"],
                ["2", "10/03/2023", "", "SC654321"],
                ["8", "10/03/2023", "01/05/2023", "SC123456"],
                ["8", "01/05/2023", "", "SC654321"],
                ["13", "10/03/2023", "", "SC123456"],
                ["13", "10/03/2023", "", "SC654321"],
                ["14", "20/03/2023", "", "SC654321"],
            ),
        },
        flagged={"Episodes": [1, 2, 7]},
    ),
    Case(
        "a blank URN on one side only is flagged; blank on both sides is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["3", "10/03/2023", "", "SC123456"],
                ["4", "10/03/2023", "", ""],
                ["5", "10/03/2023", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["3", "10/03/2023", "", ""],
                ["4", "10/03/2023", "", "SC123456"],
                ["5", "10/03/2023", "", ""],
            ),
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a child whose last episode last year had ended, or who is new, is not compared",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["6", "10/03/2023", "20/03/2023", "SC123456"],
                ["7", "10/03/2023", "", "SC123456"],
                ["7", "20/03/2023", "25/03/2023", "SC654321"],
                ["10", "10/03/2023", "31/02/2023", "SC123456"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["6", "01/05/2023", "", "XXXXXXX"],
                ["7", "01/05/2023", "", "XXXXXXX"],
                ["9", "01/05/2023", "", "XXXXXXX"],
                ["10", "10/03/2023", "", "SC654321"],
            ),
        },
    ),
    Case(
        "unreadable DECOMs are passed over when finding last year's last and this year's first",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["11", "01/03/2023", "", "SC123456"],
                ["11", "2023-03-20", "", "SC654321"],
                ["12", "10/03/2023", "", "SC123456"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "URN"],
                ["11", "01/03/2023", "", "SC654321"],
                ["12", "2023-03-10", "", "SC123456"],
                ["12", "01/05/2023", "", "SC654321"],
            ),
        },
        flagged={"Episodes": [0, 2]},
    ),
]
