"""Rule 177: legal status of the adopters is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="177",
    message="The legal status of adopter(s) code is not a valid code.",
    tables=["AD1"],
    fields=["LS_ADOPTR"],
    tags=["codes", "adoption"],
)
def adopters_legal_status_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The legal status of the adopters (LS_ADOPTR) is not one of DfE's codes.

    In the adoption (AD1) record, choose one of L0, L11, L12, L2, L3 or L4.
    """
    # A blank is left to rule 151, which checks the adoption items are all given or all blank.
    return ctx.table("AD1").filter(not_in_codes("LS_ADOPTR", ctx.codes("LS_ADOPTR")))


CASES = [
    Case(
        "codes that are not DfE's adopters' legal statuses are flagged",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR"],
                ["3", "L1"],
                ["4", "L5"],
            )
        },
        flagged={"AD1": [0, 1]},
    ),
    Case(
        "DfE's codes and a blank are not flagged; lower case is not DfE's code",
        tables={
            "AD1": table(
                ["CHILD", "LS_ADOPTR"],
                ["1", "L0"],
                ["2", "l12"],
                ["5", ""],
            )
        },
        flagged={"AD1": [1]},
    ),
]
