"""Rule 380: a temporary placement is entered other than by a change of placement and carers."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="380",
    message="A period of care cannot start with a temporary placement.",
    tables=["Episodes"],
    fields=["PLACE", "RNE"],
    tags=["codes", "placements"],
)
def temporary_placement_not_entered_by_carer_change(ctx: RuleContext) -> pl.LazyFrame:
    """A temporary placement (T0 to T4) starts with a reason for new episode other than P or B.

    A temporary placement interrupts a placement the child already has, so it cannot start a period
    of care: check for a missing episode before it, and record the reason as a change of placement
    (P, or B if the legal status changed too).
    """
    # A temporary placement interrupts a placement the child already has, so the episode must begin
    # with a change of placement and carers: P, or B with a change of legal status too. RNE S
    # (starting to be looked after) is the case DfE's message names; L, T and U keep the same
    # carers, so they cannot begin a temporary placement either. NOTE: this follows the coding used
    # by the open-source peer validator since its first release. A blank RNE is flagged: it is not P
    # or B.
    temporary = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY"))
    entered = pl.col("RNE").is_in(ctx.codes("RNE_INTO_TEMPORARY")).fill_null(False)
    return ctx.table("Episodes").filter(temporary & ~entered)


CASES = [
    Case(
        "a temporary placement starting with S, L or a blank reason is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "RNE"],
                ["1", "T0", "S"],
                ["4", "T4", "L"],
                ["5", "T2", ""],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "a temporary placement starting with P or B, or S in another or blank placement, is clear",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "RNE"],
                ["2", "T3", "P"],
                ["3", "T1", "B"],
                ["6", "U1", "S"],
                ["7", "", "S"],
            )
        },
        flagged={},
    ),
]
