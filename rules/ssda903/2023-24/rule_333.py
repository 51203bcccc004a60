"""Rule 333: the decision to place for adoption is missing or after the match with adopters."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="333",
    message=(
        "Date should be placed for adoption must be on or prior to the date of matching child "
        "with adopter(s)."
    ),
    tables=["AD1"],
    fields=["DATE_INT", "DATE_MATCH"],
    tags=["adoption", "dates"],
)
def adoption_decision_after_match(ctx: RuleContext) -> pl.LazyFrame:
    """The decision to place for adoption is missing or dated after the match with adopters.

    Give the date of the decision that the child should be placed for adoption (DATE_INT), on or
    before the date the child was matched (DATE_MATCH), and correct whichever date is wrong.
    """
    # DfE's coding: if DATE_MATCH is provided, DATE_INT must be provided and be <= DATE_MATCH.
    # Unreadable dates are left to rules 112 and 113.
    date_int = pl.col("DATE_INT")
    matched = pl.col("DATE_MATCH").is_not_null()
    missing = pl.col(raw_name("DATE_INT")).is_null()
    return ctx.table("AD1").filter(matched & (missing | (date_int > pl.col("DATE_MATCH"))))


CASES = [
    Case(
        "a match with a decision the day after it, or with no decision, is flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT", "DATE_MATCH"],
                ["2", "02/05/2024", "01/05/2024"],
                ["3", "", "01/05/2024"],
            )
        },
        flagged={"AD1": [0, 1]},
    ),
    Case(
        "a decision on or before the match, or no match, is not flagged",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT", "DATE_MATCH"],
                ["1", "01/05/2024", "01/05/2024"],
                ["4", "30/04/2024", "01/05/2024"],
                ["5", "02/05/2024", ""],
            )
        },
        flagged={},
    ),
    Case(
        "an unreadable decision or match date is left to rules 112 and 113",
        tables={
            "AD1": table(
                ["CHILD", "DATE_INT", "DATE_MATCH"],
                ["6", "32/04/2024", "01/05/2024"],
                ["7", "", "31/02/2024"],
                ["8", "02/05/2024", "2024-05-01"],
            )
        },
        flagged={},
    ),
]
