"""Rule 174 (2024-25): a child recorded as male (M) has a date of birth for their own child."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="174",
    message="Mother's child date of birth is recorded but sex shows that the child is a male.",
    tables=["Header"],
    fields=["SEX", "MC_DOB"],
    tags=["mothers"],
)
def mothers_child_birth_date_for_male(ctx: RuleContext) -> pl.LazyFrame:
    """A child recorded as male (M) has a date of birth for a child of their own.

    Only a mother has her first child's date of birth (MC_DOB) recorded: check the child's sex
    (SEX), or remove the date.
    """
    # DfE 2024-25 moved SEX to M/F/U and reworded the message ("sex" for "gender"). A child of
    # unknown sex (U) is not flagged. A date that is given but unreadable still counts as recorded
    # (rule 171 reports it).
    male = pl.col("SEX").is_in(ctx.codes("SEX_MALE"))
    return ctx.table("Header").filter(male & pl.col(raw_name("MC_DOB")).is_not_null())


CASES = [
    Case(
        "a child of sex M with a child's date of birth is flagged",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MC_DOB"],
                ["1", "M", "01/01/2024"],
                ["2", "m", "01/01/2024"],
                ["3", "M", ""],
                ["4", "F", "01/01/2024"],
                ["5", "U", "01/01/2024"],
                ["6", "1", "01/01/2024"],
                ["7", "M", "1 Jan 2024"],
            )
        },
        flagged={"Header": [0, 6]},
    ),
    Case(
        "an unreadable or impossible date for a male child still counts; other sexes do not",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MC_DOB"],
                ["1", "M", "31/02/2024"],
                ["2", "M", "2024-01-01"],
                ["3", "f", "31/02/2024"],
                ["4", "", "01/01/2024"],
                ["5", "u", ""],
                ["6", "2", "01/01/2024"],
            )
        },
        flagged={"Header": [0, 1]},
    ),
]
