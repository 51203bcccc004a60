"""Rule 180: SDQ score is not a whole number from 0 to 40."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="180",
    message="Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
    tables=["OC2"],
    fields=["SDQ_SCORE"],
    tags=["outcomes"],
)
def sdq_score_out_of_range(ctx: RuleContext) -> pl.LazyFrame:
    """The SDQ score is not a whole number from 0 to 40.

    Check the child's Strengths and Difficulties Questionnaire and enter the total score, a whole
    number from 0 to 40.
    """
    # 40 is the highest total difficulties score of the questionnaire. A blank score is not flagged
    # here (a reason for no score may be given instead).
    score = pl.col("SDQ_SCORE")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): below 0 and above 40 are never both
    # true, and both are null together (blank or unreadable score).
    return ctx.table("OC2").filter(unreadable("SDQ_SCORE") | (score < 0) | (score > 40))


CASES = [
    Case(
        "scores below 0 or above 40, fractions and words are flagged",
        tables={
            "OC2": table(
                ["CHILD", "SDQ_SCORE"],
                ["3", "41"],
                ["4", "-1"],
                ["5", "12.5"],
                ["6", "ten"],
            )
        },
        flagged={"OC2": [0, 1, 2, 3]},
    ),
    Case(
        "0, 40, a leading zero and a blank score are not flagged",
        tables={
            "OC2": table(
                ["CHILD", "SDQ_SCORE"],
                ["1", "0"],
                ["2", "40"],
                ["7", ""],
                ["8", "07"],
            )
        },
        flagged={},
    ),
]
