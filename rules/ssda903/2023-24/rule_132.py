"""Rule 132: activity of a care leaver is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="132",
    message="Data entry for activity after leaving care is invalid.",
    tables=["OC3"],
    fields=["ACTIV"],
    tags=["codes", "care leavers"],
)
def activity_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The care leaver's main activity (ACTIV) is not one of DfE's codes.

    Record the young person's activity with a code from DfE's list (F1 to G6, or 0).
    """
    # A blank is not flagged here: rule 153 lets the three care-leaver items be left blank together
    # and flags them when only some are given.
    return ctx.table("OC3").filter(not_in_codes("ACTIV", ctx.codes("ACTIV")))


CASES = [
    Case(
        "values that are not DfE's activity codes, 00 included, are flagged",
        tables={"OC3": table(["CHILD", "ACTIV"], ["4", "F3"], ["5", "00"], ["7", "G7"])},
        flagged={"OC3": [0, 1, 2]},
    ),
    Case(
        "DfE's codes, 0 included, and a blank are not flagged; lower case is",
        tables={"OC3": table(["CHILD", "ACTIV"], ["1", "F1"], ["2", "g6"], ["3", "0"], ["6", ""])},
        flagged={"OC3": [1]},
    ),
]
