"""Rule 158: intervention offered is given although an intervention was received."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="158",
    message=(
        "If a child has been recorded as receiving an intervention for their substance misuse "
        "problem, then the additional item on whether an intervention was offered should be "
        "left blank."
    ),
    tables=["OC2"],
    fields=["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tags=["outcomes"],
)
def intervention_offered_given_when_received(ctx: RuleContext) -> pl.LazyFrame:
    """'Intervention offered' is filled in for a child who received a substance misuse intervention.

    'Intervention offered' is only asked of children who did not receive one: leave it blank when
    'intervention received' is 1, or correct 'intervention received'.
    """
    # INTERVENTION_OFFERED must be blank when INTERVENTION_RECEIVED is 1.
    received = pl.col("INTERVENTION_RECEIVED").is_in(ctx.codes("FLAG_YES"))
    return ctx.table("OC2").filter(received & pl.col("INTERVENTION_OFFERED").is_not_null())


COLUMNS = ["CHILD", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]

CASES = [
    Case(
        "offered given as 1 or 0 when an intervention was received is flagged",
        tables={"OC2": table(COLUMNS, ["2", "1", "1", "1"], ["3", "1", "1", "0"])},
        flagged={"OC2": [0, 1]},
    ),
    Case(
        "offered blank after an intervention, or given when none or blank was received, is clean",
        tables={
            "OC2": table(
                COLUMNS,
                ["1", "1", "1", ""],
                ["4", "1", "0", "1"],
                ["5", "1", "", "1"],
            )
        },
        flagged={},
    ),
]
