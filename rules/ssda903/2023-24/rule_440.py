"""Rule 440: review participation says under 4 but the child was 4 or over."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="440",
    message=(
        "Participation method indicates child was under 4 years old at the time of the review, "
        "but date of birth and review date indicates the child was 4 years old or over."
    ),
    tables=["Reviews"],
    fields=["DOB", "REVIEW", "REVIEW_CODE"],
    tags=["dates", "age"],
)
def under_4_code_for_child_aged_4(ctx: RuleContext) -> pl.LazyFrame:
    """A review coded for a child under 4 (PN0) took place on or after the child's 4th birthday.

    Check the child's date of birth (DOB), the review date (REVIEW) and the participation code, and
    correct whichever is wrong; a child aged 4 or over has one of the codes PN1 to PN7.
    """
    # On the birthday the child is 4, so a PN0 review that day is flagged. NOTE: the open-source
    # peer validator lets the birthday pass; DfE's message says "4 years old or over". A blank or
    # unreadable DOB or REVIEW cannot show an age and is not flagged.
    under_4_code = pl.col("REVIEW_CODE").is_in(ctx.codes("REVIEW_CODE_UNDER_4"))
    aged_4 = age_on(pl.col("DOB"), pl.col("REVIEW")) >= 4
    return ctx.table("Reviews").filter(under_4_code & aged_4)


CASES = [
    Case(
        "PN0 on or after the 4th birthday is flagged; the day before it is not",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["1", "15/06/2020", "14/06/2024", "PN0"],
                ["2", "15/06/2020", "15/06/2024", "PN0"],
                ["6", "15/06/2020", "16/06/2024", "PN0"],
                ["11", "15/06/2014", "01/05/2024", "PN0"],
                ["12", "15/06/2021", "01/05/2024", "PN0"],
            ),
        },
        flagged={"Reviews": [1, 2, 3]},
    ),
    Case(
        "a child born on 29 February 2020 is 4 on 29 February 2024, not the day before",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["9", "29/02/2020", "28/02/2024", "PN0"],
                ["10", "29/02/2020", "29/02/2024", "PN0"],
            ),
        },
        flagged={"Reviews": [1]},
    ),
    Case(
        "a code other than PN0 is not flagged at any age",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["3", "15/06/2020", "15/06/2024", "PN1"],
                ["13", "15/06/2014", "01/05/2024", ""],
            ),
        },
    ),
    Case(
        "a blank or unreadable DOB or REVIEW is not flagged",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["4", "", "15/06/2024", "PN0"],
                ["5", "15/06/2020", "", "PN0"],
                ["7", "31/02/2020", "15/06/2024", "PN0"],
                ["8", "15/06/2020", "2024-06-15", "PN0"],
            ),
        },
    ),
]
