"""Rule 381: a period of care ends while the child is in a temporary placement."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="381",
    message="A period of care cannot end with a temporary placement.",
    tables=["Episodes"],
    fields=["PLACE", "REC"],
    tags=["codes", "placements"],
)
def care_ends_in_temporary_placement(ctx: RuleContext) -> pl.LazyFrame:
    """A temporary placement (T0 to T4) ends for a reason other than X1, ending the period of care.

    A period of care cannot end with a temporary placement: check whether the child's return to
    their usual placement is missing (then the reason episode ceased, REC, is X1), and correct the
    placement type or the reason.
    """
    temporary = pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY"))
    # Any reason episode ceased other than X1 (care continues) ends the period of care. A blank REC
    # is an open episode (or a gap rule 149 reports) and is not flagged.
    ceased = ~pl.col("REC").is_in(ctx.codes("REC_CARE_CONTINUES"))
    return ctx.table("Episodes").filter(temporary & ceased)


CASES = [
    Case(
        "a temporary placement ending care (any reason but X1) is flagged",
        tables={"Episodes": table(["CHILD", "PLACE", "REC"], ["2", "T3", "E8"])},
        flagged={"Episodes": [0]},
    ),
    Case(
        "a temporary placement ending X1 or still open, or care ending elsewhere, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "REC"],
                ["1", "T0", "X1"],
                ["3", "T1", ""],
                ["4", "U1", "E8"],
                ["5", "", "E8"],
            )
        },
        flagged={},
    ),
]
