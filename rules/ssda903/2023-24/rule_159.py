"""Rule 159: intervention offered is blank although no intervention was received."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="159",
    message=(
        "If a child has been recorded as not receiving an intervention for their substance "
        "misuse problem, then the additional item on whether an intervention was offered should "
        "be completed as well."
    ),
    tables=["OC2"],
    fields=["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tags=["outcomes"],
)
def intervention_offered_missing_when_not_received(ctx: RuleContext) -> pl.LazyFrame:
    """'Intervention offered' is blank for a child with a substance misuse problem who had none.

    For a child with a substance misuse problem who did not receive an intervention, record whether
    one was offered (1) or not (0).
    """
    # The intervention items are only asked when a substance misuse problem was identified (rule 193
    # flags them otherwise), so the check applies to SUBSTANCE_MISUSE = 1 with INTERVENTION_RECEIVED
    # = 0.
    misuse = pl.col("SUBSTANCE_MISUSE").is_in(ctx.codes("FLAG_YES"))
    not_received = pl.col("INTERVENTION_RECEIVED").is_in(ctx.codes("FLAG_NO"))
    offered_blank = pl.col("INTERVENTION_OFFERED").is_null()
    return ctx.table("OC2").filter(misuse & not_received & offered_blank)


COLUMNS = ["CHILD", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]

CASES = [
    Case(
        "a blank offer for a misuse problem with no intervention received is flagged",
        tables={"OC2": table(COLUMNS, ["1", "1", "0", ""])},
        flagged={"OC2": [0]},
    ),
    Case(
        "an offer of 0 or 1, an intervention received or blank, or no misuse problem is clean",
        tables={
            "OC2": table(
                COLUMNS,
                ["2", "1", "0", "0"],
                ["3", "1", "0", "1"],
                ["4", "1", "1", ""],
                ["5", "1", "", ""],
                ["6", "0", "0", ""],
                ["7", "", "0", ""],
            )
        },
        flagged={},
    ),
]
