"""Rule 611: a mother without her child's date of birth."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="611",
    message="Date of birth field is blank, but child is a mother.",
    tables=["Header"],
    fields=["MOTHER", "MC_DOB"],
    tags=["header"],
)
def mother_without_child_birth_date(ctx: RuleContext) -> pl.LazyFrame:
    """A child recorded as a mother (MOTHER 1) has the date of birth of her first child.

    Why: only a blank MC_DOB is flagged; an unreadable one is rule 171's.
    """
    return ctx.table("Header").filter(
        pl.col("MOTHER").is_in(ctx.codes("FLAG_YES")) & pl.col(raw_name("MC_DOB")).is_null()
    )


CASES = [
    Case(
        "a mother with a blank MC_DOB is flagged",
        tables={
            "Header": table(
                ["CHILD", "MOTHER", "MC_DOB"],
                ["1", "1", ""],
                ["2", "1", "01/01/2024"],
                ["3", "0", ""],
                ["4", "", ""],
                ["5", "1", "99/01/2024"],
            )
        },
        flagged={"Header": [0]},
    ),
]
