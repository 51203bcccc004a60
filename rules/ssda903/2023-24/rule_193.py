"""Rule 193: intervention items are given although no substance misuse was identified."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="193",
    message=(
        "Child not identified as having a substance misuse problem but at least one of the two "
        "additional items on whether an intervention were offered and received have been "
        "completed."
    ),
    tables=["OC2"],
    fields=["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tags=["outcomes"],
)
def intervention_items_without_substance_misuse(ctx: RuleContext) -> pl.LazyFrame:
    """Substance misuse intervention details are given, but no substance misuse problem is recorded.

    The intervention items are only for a child with a substance misuse problem: set substance
    misuse to 1 if there was one, otherwise leave 'intervention received' and 'offered' blank.
    """
    # INTERVENTION_RECEIVED and INTERVENTION_OFFERED must be blank unless SUBSTANCE_MISUSE is 1. A
    # blank SUBSTANCE_MISUSE has not identified a problem either, so it counts like 0.
    misuse = pl.col("SUBSTANCE_MISUSE").is_in(ctx.codes("FLAG_YES")).fill_null(False)
    given = (
        pl.col("INTERVENTION_RECEIVED").is_not_null() | pl.col("INTERVENTION_OFFERED").is_not_null()
    )
    return ctx.table("OC2").filter(~misuse & given)


CASES = [
    Case(
        "either or both intervention items given with misuse 0 or blank are flagged",
        tables={
            "OC2": table(
                ["CHILD", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
                ["2", "0", "1", ""],
                ["3", "0", "", "0"],
                ["4", "", "0", ""],
                ["7", "0", "1", "1"],
            )
        },
        flagged={"OC2": [0, 1, 2, 3]},
    ),
    Case(
        "intervention items with misuse 1, or no intervention items, are not flagged",
        tables={
            "OC2": table(
                ["CHILD", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
                ["1", "0", "", ""],
                ["5", "1", "0", "1"],
                ["6", "", "", ""],
            )
        },
        flagged={},
    ),
]
