"""Rule 441: review participation says 4 or over but the child was under 4."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="441",
    message=(
        "Participation method indicates child was 4 years old or over at the time of the "
        "review, but the date of birth and review date indicates the child was under 4 years "
        "old."
    ),
    tables=["Reviews"],
    fields=["DOB", "REVIEW", "REVIEW_CODE"],
    tags=["dates", "age"],
)
def participation_code_for_child_under_4(ctx: RuleContext) -> pl.LazyFrame:
    """A review coded for a child of 4 or over (PN1 to PN7) took place before the 4th birthday.

    Check the child's date of birth (DOB), the review date (REVIEW) and the participation code, and
    correct whichever is wrong; a child under 4 has the code PN0.
    """
    # PN0 is the code for a child under 4. Codes outside the list are left to rule 167. A blank or
    # unreadable DOB or REVIEW cannot show an age and is not flagged.
    code = pl.col("REVIEW_CODE")
    four_and_over_code = code.is_in(ctx.codes("REVIEW_CODE")) & ~code.is_in(
        ctx.codes("REVIEW_CODE_UNDER_4")
    )
    under_4 = age_on(pl.col("DOB"), pl.col("REVIEW")) < 4
    return ctx.table("Reviews").filter(four_and_over_code & under_4)


CASES = [
    Case(
        "PN1-PN7 the day before the 4th birthday is flagged; on or after the birthday it is not",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["1", "15/06/2020", "14/06/2024", "PN1"],
                ["2", "15/06/2020", "15/06/2024", "PN7"],
                ["8", "15/06/2020", "16/06/2024", "PN1"],
                ["13", "15/06/2023", "01/05/2024", "PN4"],
                ["14", "15/06/2014", "01/05/2024", "PN5"],
            ),
        },
        flagged={"Reviews": [0, 3]},
    ),
    Case(
        "a child born on 29 February 2020 is under 4 on 28 February 2024 and 4 the next day",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["11", "29/02/2020", "28/02/2024", "PN2"],
                ["12", "29/02/2020", "29/02/2024", "PN2"],
            ),
        },
        flagged={"Reviews": [0]},
    ),
    Case(
        "PN0, a blank code or a code outside the list is not flagged here",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["3", "15/06/2020", "14/06/2024", "PN0"],
                ["6", "15/06/2020", "14/06/2024", ""],
                ["7", "15/06/2020", "14/06/2024", "PN9"],
            ),
        },
    ),
    Case(
        "a blank or unreadable DOB or REVIEW is not flagged",
        tables={
            "Reviews": table(
                ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
                ["4", "", "14/06/2024", "PN3"],
                ["5", "15/06/2020", "", "PN3"],
                ["9", "31/02/2020", "14/06/2024", "PN1"],
                ["10", "15/06/2020", "2024-06-14", "PN1"],
            ),
        },
    ),
]
