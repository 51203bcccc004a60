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
    """A child recorded as a mother has no date of birth for her first child.

    Enter the date of birth of the mother's first child (MC_DOB), or correct the mother status
    (MOTHER) if she is not a mother.
    """
    # A mother is MOTHER 1. Only a blank MC_DOB is flagged; an unreadable one is rule 171's.
    return ctx.table("Header").filter(
        pl.col("MOTHER").is_in(ctx.codes("FLAG_YES")) & pl.col(raw_name("MC_DOB")).is_null()
    )


CASES = [
    Case(
        "a mother with a blank MC_DOB is flagged; with a date, even an unreadable one, she is not",
        tables={
            "Header": table(
                ["CHILD", "MOTHER", "MC_DOB"],
                ["1", "1", ""],
                ["2", "1", "01/01/2024"],
                ["5", "1", "99/01/2024"],
                ["6", "1", "2024-01-01"],
                ["8", "1", "31/02/2024"],
            ),
        },
        flagged={"Header": [0]},
    ),
    Case(
        "a child not recorded as a mother (0, blank or another code) is not checked",
        tables={
            "Header": table(
                ["CHILD", "MOTHER", "MC_DOB"],
                ["3", "0", ""],
                ["4", "", ""],
                ["7", "9", ""],
                ["9", "0", "01/01/2024"],
            ),
        },
    ),
]
