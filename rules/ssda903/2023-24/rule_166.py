"""Rule 166: review date is missing or not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="166",
    message="Date of review is invalid or blank.",
    tables=["Reviews"],
    fields=["REVIEW"],
    tags=["dates", "reviews"],
)
def review_date_missing_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """A review's date (REVIEW) is blank or not a real date.

    Enter the date of the child's review as dd/mm/yyyy.
    """
    # DfE's message names both faults: a blank or an impossible date.
    return ctx.table("Reviews").filter(pl.col("REVIEW").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped review dates are flagged",
        tables={
            "Reviews": table(
                ["CHILD", "REVIEW", "REVIEW_CODE"],
                ["2", "31/04/2023", "PN1"],
                ["3", "15/6/2023", "PN1"],
                ["4", "", "PN1"],
            )
        },
        flagged={"Reviews": [0, 1, 2]},
    ),
    Case(
        "real review dates, the last day of a month included, are not flagged",
        tables={
            "Reviews": table(
                ["CHILD", "REVIEW", "REVIEW_CODE"],
                ["1", "15/06/2023", "PN1"],
                ["5", "30/04/2023", "PN1"],
            )
        },
        flagged={},
    ),
]
