"""Rule 167: review participation code is missing or not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="167",
    message="Data entry for participation is invalid or blank.",
    tables=["Reviews"],
    fields=["REVIEW_CODE"],
    tags=["codes", "reviews"],
)
def review_participation_missing_or_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """A review's participation code (REVIEW_CODE) is blank or not one of DfE's codes.

    Record how the child took part in the review, with one of PN0 to PN7.
    """
    # DfE's message names both faults, so a blank is flagged as well as an unknown code.
    code = pl.col("REVIEW_CODE")
    return ctx.table("Reviews").filter(code.is_null() | ~code.is_in(ctx.codes("REVIEW_CODE")))


CASES = [
    Case(
        "blank and unknown participation codes are flagged",
        tables={
            "Reviews": table(
                ["CHILD", "REVIEW", "REVIEW_CODE"],
                ["3", "15/06/2023", "PN8"],
                ["4", "15/06/2023", ""],
                ["5", "", ""],
            )
        },
        flagged={"Reviews": [0, 1, 2]},
    ),
    Case(
        "PN0 to PN7 are not flagged; lower case is",
        tables={
            "Reviews": table(
                ["CHILD", "REVIEW", "REVIEW_CODE"],
                ["1", "15/06/2023", "PN0"],
                ["2", "15/06/2023", "pn7"],
            )
        },
        flagged={"Reviews": [1]},
    ),
]
