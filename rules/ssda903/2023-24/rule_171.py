"""Rule 171: date of birth of the mother's child is not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="171",
    message="Date of birth of mother's child is not a valid date.",
    tables=["Header"],
    fields=["MC_DOB"],
    tags=["dates", "mothers"],
)
def mothers_child_birth_date_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The date of birth of the mother's child (MC_DOB) is not a real date.

    Correct the date the young woman's child was born, as dd/mm/yyyy.
    """
    # MC_DOB is only reported for a looked-after child who is a mother, so a blank is not flagged.
    return ctx.table("Header").filter(unreadable("MC_DOB"))


CASES = [
    Case(
        "impossible and wrongly shaped dates are flagged",
        tables={"Header": table(["CHILD", "MC_DOB"], ["2", "32/12/2023"], ["3", "Dec 2023"])},
        flagged={"Header": [0, 1]},
    ),
    Case(
        "a real date, the last day of the year included, and a blank are not flagged",
        tables={"Header": table(["CHILD", "MC_DOB"], ["1", "31/12/2023"], ["4", ""])},
        flagged={},
    ),
]
