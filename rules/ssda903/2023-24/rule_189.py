"""Rule 189: an SDQ score or reason is given for a child 17 or over before the year began."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, birthday, raw_name, rule, table


@rule(
    code="189",
    message=(
        "Child is aged 17 years or over at the beginning of the year, but an Strengths and "
        "Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has "
        "been completed."
    ),
    tables=["OC2"],
    fields=["DOB", "SDQ_SCORE", "SDQ_REASON"],
    tags=["outcomes"],
)
def sdq_entry_for_child_17_or_over(ctx: RuleContext) -> pl.LazyFrame:
    """An SDQ score or reason is given for a child who was already 17 before 1 April.

    The Strengths and Difficulties Questionnaire is only for children under 17: check the child's
    date of birth, or remove the SDQ score and reason.
    """
    # Flagged when the 17th birthday was before 1 April: a child who turns 17 on 1 April itself
    # turns 17 in the year, and rule 197B expects an SDQ entry for them, so that day is not flagged
    # here. Ages come from OC2's DOB; a blank DOB is not flagged.
    over_17 = birthday(pl.col("DOB"), 17) < ctx.start
    given = pl.col(raw_name("SDQ_SCORE")).is_not_null() | pl.col("SDQ_REASON").is_not_null()
    return ctx.table("OC2").filter(over_17 & given)


CASES = [
    Case(
        "a score, a reason or both for a child who turned 17 before 1 April are flagged",
        tables={
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "31/03/2006", "", "SDQ1"],
                ["2", "31/03/2006", "20", ""],
                ["7", "31/03/2006", "ten", ""],
                ["9", "31/03/2006", "20", "SDQ1"],
            )
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2023-24",
    ),
    Case(
        "a child turning 17 on 1 April or later, or with no entry or readable DOB, is not flagged",
        tables={
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["3", "01/04/2006", "20", ""],
                ["4", "31/03/2006", "", ""],
                ["5", "", "", "SDQ1"],
                ["6", "02/04/2006", "", "SDQ1"],
                ["8", "31/02/2006", "", "SDQ1"],
            )
        },
        flagged={},
        period="2023-24",
    ),
]
