"""Rule 133: accommodation of a care leaver is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="133",
    message=(
        "Data entry for accommodation after leaving care is invalid. If reporting on a "
        "childs accommodation after leaving care the data entry must be valid"
    ),
    tables=["OC3"],
    fields=["ACCOM"],
    tags=["codes", "care leavers"],
)
def accommodation_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The care leaver's accommodation (ACCOM) is not one of DfE's codes.

    Record the young person's accommodation with a code from DfE's list (B1 to Z2, or 0).
    """
    # DfE: "if reporting on a child's accommodation ... the data entry must be valid", so a blank is
    # not flagged here (rule 153 checks the three care-leaver items together).
    return ctx.table("OC3").filter(not_in_codes("ACCOM", ctx.codes("ACCOM")))


CASES = [
    Case(
        "values that are not DfE's accommodation codes are flagged",
        tables={"OC3": table(["CHILD", "ACCOM"], ["4", "X1"], ["5", "B3"])},
        flagged={"OC3": [0, 1]},
    ),
    Case(
        "DfE's codes, 0 included, and a blank are not flagged; lower case is",
        tables={"OC3": table(["CHILD", "ACCOM"], ["1", "B1"], ["2", "z2"], ["3", "0"], ["6", ""])},
        flagged={"OC3": [1]},
    ),
]
