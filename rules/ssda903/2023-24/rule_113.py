"""Rule 113: date the child was matched with adopters is not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="113",
    message="Date matching child and adopter(s) is not a valid date.",
    tables=["AD1"],
    fields=["DATE_MATCH"],
    tags=["dates", "adoption"],
)
def adopters_match_date_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The date the child was matched with prospective adopters (DATE_MATCH) is not a real date.

    Correct the matching date in the adoption (AD1) record, as dd/mm/yyyy.
    """
    # The adoption items may all be left blank (rule 151), so only text that is not a date is
    # flagged.
    return ctx.table("AD1").filter(unreadable("DATE_MATCH"))


CASES = [
    Case(
        "impossible and wrongly shaped dates are flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_MATCH"],
                ["2", "29/02/2021"],
                ["3", "01/01/21"],
                ["4", "2021-01-01"],
            )
        },
        flagged={"AD1": [0, 1, 2]},
    ),
    Case(
        "a real date, a leap day included, and a blank are not flagged",
        tables={"AD1": table(["CHILD", "DATE_MATCH"], ["1", "29/02/2020"], ["5", ""])},
        flagged={},
    ),
]
