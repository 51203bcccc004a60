"""Rule 144: legal status is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="144",
    message="The legal status code is not a valid code.",
    tables=["Episodes"],
    fields=["LS"],
    tags=["codes", "episodes"],
)
def legal_status_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The episode's legal status (LS) is not one of DfE's codes.

    Record the child's legal status with a code from DfE's list (C1 to V4).
    """
    # DfE's message is about an invalid code; a blank LS is not flagged by this rule.
    return ctx.table("Episodes").filter(not_in_codes("LS", ctx.codes("LS")))


CASES = [
    Case(
        "codes that are not DfE legal statuses are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS"],
                ["3", "01/05/2020", "V1"],
                ["4", "01/05/2020", "C"],
                ["6", "01/05/2020", "V5"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "DfE's codes and a blank are not flagged; lower case is not DfE's code",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "LS"],
                ["1", "01/05/2020", "C1"],
                ["2", "01/05/2020", "v4"],
                ["5", "01/05/2020", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
