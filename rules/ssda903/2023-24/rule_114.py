"""Rule 114: adopted by former foster carer flag is not 0 or 1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="114",
    message="Data entry to record the status of former carer(s) of an adopted child is invalid.",
    tables=["AD1"],
    fields=["FOSTER_CARE"],
    tags=["codes", "adoption"],
)
def foster_carer_flag_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The 'adopted by former foster carer' flag (FOSTER_CARE) is not 0 or 1.

    In the adoption (AD1) record, enter 1 if the child was adopted by their former foster carer,
    otherwise 0.
    """
    # A blank is left to rule 151, which checks that the adoption items are all given or all blank.
    return ctx.table("AD1").filter(not_in_codes("FOSTER_CARE", ctx.codes("FLAG")))


CASES = [
    Case(
        "values other than 0 and 1 are flagged",
        tables={"AD1": table(["CHILD", "FOSTER_CARE"], ["3", "2"], ["4", "Y"], ["6", "-1"])},
        flagged={"AD1": [0, 1, 2]},
    ),
    Case(
        "0, 1 and a blank are not flagged",
        tables={"AD1": table(["CHILD", "FOSTER_CARE"], ["1", "0"], ["2", "1"], ["5", ""])},
        flagged={},
    ),
]
