"""Rule 384: a child on short breaks is recorded in a long-term foster placement."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="384",
    message="A child receiving respite care cannot be in a long-term foster placement",
    tables=["Episodes"],
    fields=["PLACE", "LS"],
    tags=["codes", "placements"],
)
def short_break_in_long_term_fostering(ctx: RuleContext) -> pl.LazyFrame:
    """A child on short breaks (legal status V3 or V4) is in long-term fostering (U1 or U4).

    Short breaks are not a long-term foster placement: check the legal status (LS) and placement
    type (PLACE) and correct whichever is wrong.
    """
    # Long-term fostering is a permanence plan, which short breaks are not. Blanks are not flagged:
    # rules 144 and 146 report them.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    long_term = pl.col("PLACE").is_in(ctx.codes("PLACE_LONG_TERM_FOSTER"))
    return ctx.table("Episodes").filter(respite & long_term)


CASES = [
    Case(
        "V3 or V4 in long-term fostering (U1 or U4) is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PLACE"],
                ["1", "V3", "U1"],
                ["2", "V4", "U4"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "V3 in other fostering, another status in U1, or a blank status or placement is clear",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PLACE"],
                ["3", "V3", "U3"],
                ["4", "C2", "U1"],
                ["5", "", "U4"],
                ["6", "V4", ""],
            )
        },
        flagged={},
    ),
]
