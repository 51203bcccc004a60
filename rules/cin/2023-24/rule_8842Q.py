"""Rule 8842Q: child protection plan review with no review date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable

# NOTE: the peer reads only <Reviews> elements that hold a date, so it never sees a missing one
# and flags unreadable dates instead. Here a <Reviews> with no CPPreviewDate reads as a blank row
# and is flagged; an unreadable date is left to CSC001, which reports it already.


@rule(
    code="8842Q",
    message="Please check and either amend or provide a reason: Review Record has a missing date",
    severity="query",
    tables=["Reviews"],
    fields=["CPPreviewDate"],
    tags=["dates", "plans", "reviews"],
)
def review_date_missing(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plan reviews recorded without a review date.

    Give the date the review conference took place, or remove the review if none was held.
    """
    date = pl.col("CPPreviewDate")
    return ctx.table("Reviews").filter(date.is_null() & ~unreadable("CPPreviewDate"))


CASES = [
    Case(
        "a review with a blank date is flagged; a dated or unreadable one is not",
        tables={
            "Reviews": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
                ["A", "1", "1", "2024-06-10"],
                ["A", "1", "1", ""],
                ["A", "1", "2", "2024-02-30"],
                ["B", "1", "1", "  "],
            ),
        },
        flagged={"Reviews": [1, 3]},
    ),
    Case(
        "reviews of several plans are each checked",
        tables={
            "Reviews": table(
                ["LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"],
                ["A", "1", "1", "2024-06-10"],
                ["A", "2", "1", ""],
                ["B", "1", "1", "2024-07-10"],
            ),
        },
        flagged={"Reviews": [1]},
    ),
]
