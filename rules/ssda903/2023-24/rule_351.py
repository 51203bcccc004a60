"""Rule 351: the child was over 25 at the start of the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, birthday, rule, table


@rule(
    code="351",
    message="Child was over 25 at the start of the current collection year.",
    tables=["Header"],
    fields=["DOB"],
    tags=["dates", "age"],
)
def over_twenty_five_at_year_start(ctx: RuleContext) -> pl.LazyFrame:
    """The child was over 25 on 1 April, the start of the collection year.

    Check the child's date of birth (DOB) in the header record and correct it if mistyped; a young
    person over 25 should not be in the return.
    """
    # NOTE: someone whose 25th birthday is 1 April is 25, not over 25, on that day. A blank or
    # unreadable DOB is left to rule 102.
    return ctx.table("Header").filter(birthday(pl.col("DOB"), 25) < ctx.start)


CASES = [
    Case(
        "a 25th birthday the day before the year starts is flagged",
        period="2024-25",
        tables={"Header": table(["CHILD", "DOB"], ["1", "31/03/1999"])},
        flagged={"Header": [0]},
    ),
    Case(
        "a 25th birthday on 1 April or later is not flagged",
        period="2024-25",
        tables={"Header": table(["CHILD", "DOB"], ["2", "01/04/1999"], ["3", "02/04/1999"])},
        flagged={},
    ),
    Case(
        "a blank or unreadable date of birth is left to rule 102",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["4", ""],
                ["5", "31/02/1999"],
                ["6", "1999-03-30"],
            )
        },
        flagged={},
    ),
]
