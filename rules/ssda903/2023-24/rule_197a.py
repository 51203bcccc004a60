"""Rule 197a: a reason for no SDQ score is given alongside a score."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="197a",
    message=(
        "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
        "Difficulties Questionnaire score is filled in."
    ),
    tables=["OC2"],
    fields=["SDQ_SCORE", "SDQ_REASON"],
    tags=["outcomes"],
)
def sdq_reason_given_with_score(ctx: RuleContext) -> pl.LazyFrame:
    """A reason for having no SDQ score is given although a score is filled in.

    Keep either the SDQ score or the reason for having none: remove the reason if the score is
    right.
    """
    # SDQ_REASON must be blank when SDQ_SCORE is filled in. A score that is filled in but not a
    # number still counts as filled in (rule 180 reports it).
    has_score = pl.col(raw_name("SDQ_SCORE")).is_not_null()
    return ctx.table("OC2").filter(has_score & pl.col("SDQ_REASON").is_not_null())


CASES = [
    Case(
        "a reason alongside a score, 0 or unreadable included, is flagged",
        tables={
            "OC2": table(
                ["CHILD", "SDQ_SCORE", "SDQ_REASON"],
                ["3", "12", "SDQ2"],
                ["4", "n/a", "SDQ1"],
                ["5", "0", "SDQ5"],
            )
        },
        flagged={"OC2": [0, 1, 2]},
    ),
    Case(
        "a score alone, a reason alone, or neither is not flagged",
        tables={
            "OC2": table(
                ["CHILD", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "12", ""],
                ["2", "", "SDQ2"],
                ["6", "", ""],
            )
        },
        flagged={},
    ),
]
