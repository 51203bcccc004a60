"""Rule 196: reason for no SDQ score is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="196",
    message="Strengths and Difficulties (SDQ) reason is not a valid code.",
    tables=["OC2"],
    fields=["SDQ_REASON"],
    tags=["codes", "outcomes"],
)
def sdq_reason_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The reason for having no SDQ score (SDQ_REASON) is not one of DfE's codes.

    Choose the reason there is no score from SDQ1 to SDQ5, or leave it blank if a score is given.
    """
    # The reason is blank when a score is given (rule 197a), so a blank is not flagged.
    return ctx.table("OC2").filter(not_in_codes("SDQ_REASON", ctx.codes("SDQ_REASON")))


CASES = [
    Case(
        "reasons outside SDQ1 to SDQ5 are flagged",
        tables={"OC2": table(["CHILD", "SDQ_REASON"], ["3", "SDQ6"], ["4", "1"], ["6", "SDQ0"])},
        flagged={"OC2": [0, 1, 2]},
    ),
    Case(
        "SDQ1 to SDQ5 and a blank are not flagged; lower case is not DfE's code",
        tables={"OC2": table(["CHILD", "SDQ_REASON"], ["1", "SDQ1"], ["2", "sdq5"], ["5", ""])},
        flagged={"OC2": [1]},
    ),
]
