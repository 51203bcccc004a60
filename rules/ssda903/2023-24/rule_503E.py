"""Rule 503E: the placement provider in the first episode differs from last year's open episode."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.carryover import carried_over
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="503E",
    message=(
        "The placement provider in the first episode does not match open episode at end of "
        "last year."
    ),
    tables=["Episodes", "Episodes_last"],
    fields=["PLACE_PROVIDER"],
    tags=["placements", "previous year"],
)
def first_episode_provider_differs_from_open_episode(ctx: RuleContext) -> pl.LazyFrame:
    """The first episode's placement provider this year differs from last year's open episode.

    An episode still open on 31 March carries on into the next return unchanged: make this episode's
    placement provider (PLACE_PROVIDER) match last year's open episode, unless last year's was
    wrong.
    """
    # An episode open at 31 March continues into the next return unchanged. The last episode is the
    # one with the latest DECOM in last year's return, the first the one with the earliest DECOM in
    # this year's. A blank on one side only is a difference; blank on both sides is not. A child
    # absent from either return is not compared.
    pairs = carried_over(ctx, ["PLACE_PROVIDER"])
    return pairs.filter(pl.col("PLACE_PROVIDER").ne_missing(pl.col("last_PLACE_PROVIDER")))


CASES = [
    Case(
        "a provider unlike last year's latest open episode is flagged; the same one is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["1", "01/01/2023", "01/02/2023", "PR2"],
                ["1", "01/02/2023", "", "PR1"],
                ["2", "10/03/2023", "", "PR1"],
                ["8", "10/03/2023", "", "PR1"],
                ["13", "10/03/2023", "", "PR1"],
                ["14", "20/03/2023", "", "PR1"],
                ["14", "10/03/2023", "20/03/2023", "PR2"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["1", "01/05/2023", "", "PR2"],
                ["1", "01/02/2023", "01/05/2023", "pr1"],
                ["2", "10/03/2023", "", "PR2"],
                ["8", "10/03/2023", "01/05/2023", "PR1"],
                ["8", "01/05/2023", "", "PR2"],
                ["13", "10/03/2023", "", "PR1"],
                ["13", "10/03/2023", "", "PR2"],
                ["14", "20/03/2023", "", "PR2"],
            ),
        },
        flagged={"Episodes": [1, 2, 7]},
    ),
    Case(
        "a blank provider on one side only is flagged; blank on both sides is not",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["3", "10/03/2023", "", "PR1"],
                ["4", "10/03/2023", "", ""],
                ["5", "10/03/2023", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["3", "10/03/2023", "", ""],
                ["4", "10/03/2023", "", "PR1"],
                ["5", "10/03/2023", "", ""],
            ),
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a child whose last episode last year had ended, or who is new, is not compared",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["6", "10/03/2023", "20/03/2023", "PR1"],
                ["7", "10/03/2023", "", "PR1"],
                ["7", "20/03/2023", "25/03/2023", "PR2"],
                ["10", "10/03/2023", "31/02/2023", "PR1"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["6", "01/05/2023", "", "PR4"],
                ["7", "01/05/2023", "", "PR4"],
                ["9", "01/05/2023", "", "PR4"],
                ["10", "10/03/2023", "", "PR2"],
            ),
        },
    ),
    Case(
        "unreadable DECOMs are passed over when finding last year's last and this year's first",
        tables={
            "Episodes_last": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["11", "01/03/2023", "", "PR1"],
                ["11", "2023-03-20", "", "PR2"],
                ["12", "10/03/2023", "", "PR1"],
            ),
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "PLACE_PROVIDER"],
                ["11", "01/03/2023", "", "PR2"],
                ["12", "2023-03-10", "", "PR1"],
                ["12", "01/05/2023", "", "PR2"],
            ),
        },
        flagged={"Episodes": [0, 2]},
    ),
]
