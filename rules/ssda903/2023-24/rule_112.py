"""Rule 112: date of the decision to place for adoption (AD1) is not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="112",
    message="Date should be placed for adoption is not a valid date.",
    tables=["AD1"],
    fields=["DATE_INT"],
    tags=["dates", "adoption"],
)
def adoption_decision_date_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The date of the decision that the child should be placed for adoption is not a real date.

    Correct the date in the adoption (AD1) record, as dd/mm/yyyy.
    """
    # The adoption items may all be left blank (rule 151), so only text in DATE_INT that is not a
    # date is flagged.
    return ctx.table("AD1").filter(unreadable("DATE_INT"))


CASES = [
    Case(
        "impossible and wrongly shaped dates are flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT"],
                ["2", "29/02/2021"],
                ["3", "01/01/21"],
                ["4", "2021-01-01"],
            )
        },
        flagged={"AD1": [0, 1, 2]},
    ),
    Case(
        "a real date, a leap day included, and a blank are not flagged",
        tables={"AD1": table(["CHILD", "DATE_INT"], ["1", "29/02/2020"], ["5", ""])},
        flagged={},
    ),
]
