"""Rule 145: category of need is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="145",
    message="Category of need code is not a valid code.",
    tables=["Episodes"],
    fields=["CIN"],
    tags=["codes", "episodes"],
)
def category_of_need_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The episode's category of need (CIN) is not one of DfE's codes.

    Record the child's main category of need as one of N1 to N8.
    """
    # DfE's message is about an invalid code; a blank CIN is not flagged by this rule.
    return ctx.table("Episodes").filter(not_in_codes("CIN", ctx.codes("CIN")))


CASES = [
    Case(
        "codes outside N1 to N8 are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "CIN"],
                ["3", "01/05/2020", "N9"],
                ["4", "01/05/2020", "N0"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "N1 to N8 and a blank are not flagged; lower case is not DfE's code",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "CIN"],
                ["1", "01/05/2020", "N1"],
                ["2", "01/05/2020", "n8"],
                ["5", "01/05/2020", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
