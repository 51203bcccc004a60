"""Rule 131: in-touch status of a care leaver is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="131",
    message="Data entry for being in touch after leaving care is invalid.",
    tables=["OC3"],
    fields=["IN_TOUCH"],
    tags=["codes", "care leavers"],
)
def in_touch_status_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The care leaver's 'in touch' status (IN_TOUCH) is not one of DfE's codes.

    Record whether the council is in touch with the young person using YES, NO, DIED, REFU, NREQ or
    RHOM.
    """
    # A blank is not flagged here: rule 153 lets the three care-leaver items be left blank together
    # and flags them when only some are given (DfE: "must be coded or left blank").
    return ctx.table("OC3").filter(not_in_codes("IN_TOUCH", ctx.codes("IN_TOUCH")))


CASES = [
    Case(
        "values that are not DfE's in-touch codes are flagged",
        tables={"OC3": table(["CHILD", "IN_TOUCH"], ["3", "Y"], ["4", "MAYBE"])},
        flagged={"OC3": [0, 1]},
    ),
    Case(
        "DfE's codes and a blank are not flagged; lower case is not DfE's code",
        tables={"OC3": table(["CHILD", "IN_TOUCH"], ["1", "YES"], ["2", "rhom"], ["5", ""])},
        flagged={"OC3": [1]},
    ),
]
