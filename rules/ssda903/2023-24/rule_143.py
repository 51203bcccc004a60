"""Rule 143: reason for new episode is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="143",
    message="The reason for new episode code is not a valid code.",
    tables=["Episodes"],
    fields=["RNE"],
    tags=["codes", "episodes"],
)
def new_episode_reason_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The reason for a new episode (RNE) is not one of DfE's codes.

    Record why the episode started with one of S, P, L, T, U or B.
    """
    # DfE's message is about an invalid code; a blank RNE is not flagged by this rule.
    return ctx.table("Episodes").filter(not_in_codes("RNE", ctx.codes("RNE")))


CASES = [
    Case(
        "codes other than S, P, L, T, U and B are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["3", "01/05/2020", "X"],
                ["4", "01/05/2020", "SP"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "DfE's codes and a blank are not flagged; lower case is not DfE's code",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "01/05/2020", "S"],
                ["2", "01/05/2020", "b"],
                ["5", "01/05/2020", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
