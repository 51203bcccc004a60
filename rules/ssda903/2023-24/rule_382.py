"""Rule 382: a child on short breaks is recorded in a temporary placement."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="382",
    message="A child receiving respite care cannot be in a temporary placement.",
    tables=["Episodes"],
    fields=["LS", "PLACE"],
    tags=["codes", "placements"],
)
def short_break_in_temporary_placement(ctx: RuleContext) -> pl.LazyFrame:
    """A child on short breaks (legal status V3 or V4) is in a temporary placement (T0 to T4).

    A short break is itself the placement: check the legal status (LS) and placement type (PLACE)
    and correct whichever is wrong.
    """
    # Temporary codes T0-T4 cover interruptions of a placement. Blanks are not flagged: rules 144
    # and 146 report them.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE"))
    temporary = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY"))
    return ctx.table("Episodes").filter(respite & temporary)


CASES = [
    Case(
        "V3 or V4 in a temporary placement is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PLACE"],
                ["1", "V3", "T0"],
                ["2", "V4", "T4"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "V3 elsewhere, another status in T1, or a blank status or placement is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PLACE"],
                ["3", "V3", "U1"],
                ["4", "C2", "T1"],
                ["5", "", "T1"],
                ["6", "V4", ""],
            )
        },
        flagged={},
    ),
]
