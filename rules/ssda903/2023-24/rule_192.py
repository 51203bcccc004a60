"""Rule 192: substance misuse identified but intervention received is blank."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="192",
    message=(
        "Child has been identified as having a substance misuse problem but the additional item "
        "on whether an intervention was received has been left blank."
    ),
    tables=["OC2"],
    fields=["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
    tags=["outcomes"],
)
def intervention_received_missing(ctx: RuleContext) -> pl.LazyFrame:
    """A substance misuse problem is recorded, but 'intervention received' is blank.

    When substance misuse is 1, record whether the child received an intervention (1) or not (0).
    """
    # INTERVENTION_RECEIVED must be given when SUBSTANCE_MISUSE is 1.
    misuse = pl.col("SUBSTANCE_MISUSE").is_in(ctx.codes("FLAG_YES"))
    return ctx.table("OC2").filter(misuse & pl.col("INTERVENTION_RECEIVED").is_null())


CASES = [
    Case(
        "a blank intervention received after a substance misuse problem is flagged",
        tables={
            "OC2": table(["CHILD", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"], ["1", "1", ""])
        },
        flagged={"OC2": [0]},
    ),
    Case(
        "0 or 1 after a misuse problem, or a blank with misuse 0 or blank, is not flagged",
        tables={
            "OC2": table(
                ["CHILD", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
                ["2", "1", "0"],
                ["3", "1", "1"],
                ["4", "0", ""],
                ["5", "", ""],
            )
        },
        flagged={},
    ),
]
