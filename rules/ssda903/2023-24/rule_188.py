"""Rule 188: an SDQ score or reason is given for a child under 4 at the end of the year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, birthday, raw_name, rule, table


@rule(
    code="188",
    message=(
        "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties "
        "(SDQ) score or a reason for no SDQ score has been completed. "
    ),
    tables=["OC2"],
    fields=["SDQ_SCORE", "SDQ_REASON"],
    tags=["outcomes"],
)
def sdq_entry_for_child_under_4(ctx: RuleContext) -> pl.LazyFrame:
    """An SDQ score or reason is given for a child who was not yet 4 on 31 March.

    The Strengths and Difficulties Questionnaire is only for children aged 4 and over: check the
    child's date of birth, or remove the SDQ score and reason.
    """
    # Flagged when the 4th birthday is after 31 March: a child who turns 4 on 31 March is 4 at the
    # end of the year and is expected to have an SDQ entry (rule 197B). Ages come from OC2's DOB; a
    # blank DOB is not flagged.
    under_4 = birthday(pl.col("DOB"), 4) > ctx.end
    given = pl.col(raw_name("SDQ_SCORE")).is_not_null() | pl.col("SDQ_REASON").is_not_null()
    return ctx.table("OC2").filter(under_4 & given)


CASES = [
    Case(
        "a score, a reason or both for a child turning 4 on 1 April or later are flagged",
        tables={
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["1", "01/04/2020", "", "SDQ1"],
                ["2", "01/04/2020", "10", ""],
                ["6", "01/04/2020", "ten", ""],
                ["9", "01/04/2020", "10", "SDQ1"],
            )
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2023-24",
    ),
    Case(
        "a child turning 4 by 31 March, or with no SDQ entry or no readable DOB, is not flagged",
        tables={
            "OC2": table(
                ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON"],
                ["3", "31/03/2020", "10", ""],
                ["4", "01/04/2020", "", ""],
                ["5", "", "10", ""],
                ["7", "31/02/2020", "10", ""],
                ["8", "30/03/2020", "", "SDQ1"],
            )
        },
        flagged={},
        period="2023-24",
    ),
]
