"""Rule 217t: an independent living (P2) placement continues after 28 October 2023."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table

# DfE 2023-24: P2 placements were withdrawn from 28 October 2023 (the ban on placing under-16s
# in unregulated accommodation).
P2_WITHDRAWN = dt.date(2023, 10, 28)


@rule(
    code="217t",
    message="Placement type 'P2' is not a valid placement type from 28 October 2023.",
    tables=["Episodes"],
    fields=["PLACE", "DECOM"],
    tags=["codes", "placements"],
)
def independent_living_after_withdrawal(ctx: RuleContext) -> pl.LazyFrame:
    """An episode in independent living (P2) is still going on after 28 October 2023.

    P2 placements stopped on 28 October 2023: end the episode by that date and record the child's
    new placement in a new episode.
    """
    # An episode is flagged when it is still open or its DEC is after 28 October 2023; one that
    # ended on that day was over when P2 stopped. An unreadable DEC is left to rule 147.
    dec = pl.col("DEC")
    independent = pl.col("PLACE").is_in(ctx.codes("PLACE_INDEPENDENT_LIVING"))
    open_episode = pl.col(raw_name("DEC")).is_null()
    return ctx.table("Episodes").filter(independent & (open_episode | (dec > P2_WITHDRAWN)))


COLUMNS = ["CHILD", "PLACE", "DECOM", "DEC"]

CASES = [
    Case(
        "P2 episodes still open, or ending on 29 October 2023 or later, are flagged",
        tables={
            "Episodes": table(
                COLUMNS, ["2", "P2", "01/05/2023", "29/10/2023"], ["3", "P2", "01/05/2023", ""]
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "P2 episodes ending by 28 October 2023, and other open placements, are not flagged",
        tables={
            "Episodes": table(
                COLUMNS,
                ["1", "P2", "01/05/2023", "28/10/2023"],
                ["4", "P2", "01/05/2023", "27/10/2023"],
                ["5", "U1", "01/05/2023", ""],
            )
        },
        flagged={},
    ),
    Case(
        "an unreadable end date is not read as open",
        tables={"Episodes": table(COLUMNS, ["6", "P2", "01/05/2023", "bad"])},
        flagged={},
    ),
]
