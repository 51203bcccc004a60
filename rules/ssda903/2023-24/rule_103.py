"""Rule 103: ethnicity missing or not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="103",
    message="The ethnicity code is either not valid or has not been entered.",
    tables=["Header"],
    fields=["ETHNIC"],
    tags=["codes"],
)
def ethnicity_missing_or_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The child's ethnicity (ETHNIC) is blank or not one of DfE's codes.

    Record the child's ethnicity with a code from the DfE list.
    """
    # DfE's message names both faults, so a blank is flagged as well as an unknown code.
    ethnicity = pl.col("ETHNIC")
    return ctx.table("Header").filter(ethnicity.is_null() | ~ethnicity.is_in(ctx.codes("ETHNIC")))


CASES = [
    Case(
        "a blank, a description or a code one letter short is flagged",
        tables={
            "Header": table(
                ["CHILD", "ETHNIC"],
                ["3", ""],
                ["4", "White British"],
                ["5", "WBR"],
            )
        },
        flagged={"Header": [0, 1, 2]},
    ),
    Case(
        "DfE codes are not flagged; lower case is not DfE's code and is",
        tables={"Header": table(["CHILD", "ETHNIC"], ["1", "WBRI"], ["2", "nobt"])},
        flagged={"Header": [1]},
    ),
]
