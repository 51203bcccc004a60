"""Rule 1006: missing type is not a code from the list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="1006",
    message="Missing type invalid.",
    tables=["Missing"],
    fields=["MISSING"],
    tags=["codes", "missing"],
)
def missing_type_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The missing type is not M (missing) or A (away from placement without authorisation).

    Record whether the child was missing (M) or away from placement without authorisation (A).
    """
    # DfE's check tests the value given; a blank type is not flagged by this rule.
    return ctx.table("Missing").filter(not_in_codes("MISSING", ctx.codes("MISSING")))


CASES = [
    Case(
        "codes outside the list are flagged",
        tables={"Missing": table(["CHILD", "MISSING"], ["4", "X"], ["5", "MA"])},
        flagged={"Missing": [0, 1]},
    ),
    Case(
        "M and A are not flagged, nor a blank type; lower case is",
        tables={
            "Missing": table(["CHILD", "MISSING"], ["1", "M"], ["1", "A"], ["2", "a"], ["3", ""])
        },
        flagged={"Missing": [2]},
    ),
]
