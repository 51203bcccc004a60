"""Rule 174: a child recorded as male has a date of birth for their own child."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, from_year, raw_name, rule, table

# DfE 2024-25 moved SEX to M/F/U: the year's schema gives the codes, its pack.toml the wording.
FROM_2024 = from_year("ssda903", "2024-25")


@rule(
    code="174",
    message="Mother's child date of birth is recorded but gender shows that the child is a male.",
    tables=["Header"],
    fields=["SEX", "MC_DOB"],
    tags=["mothers"],
)
def mothers_child_birth_date_for_male(ctx: RuleContext) -> pl.LazyFrame:
    """A child recorded as male has a date of birth for their own child (MC_DOB).

    The date of birth of a mother's child is only recorded for a looked-after mother: check the
    child's sex, or remove the date.
    """
    # Male is sex code 1 until 2023-24, M from 2024-25 (the year's SEX_MALE list), when DfE also
    # reworded the message; a child of unknown sex (U) is not flagged. A date that is given but
    # unreadable still counts as recorded (rule 171 reports it).
    male = pl.col("SEX").is_in(ctx.codes("SEX_MALE"))
    return ctx.table("Header").filter(male & pl.col(raw_name("MC_DOB")).is_not_null())


CASES = [
    Case(
        "a male child with a child's date of birth, readable or not, is flagged",
        years=("2023-24",),
        tables={
            "Header": table(
                ["CHILD", "SEX", "MC_DOB"],
                ["1", "1", "01/01/2023"],
                ["4", "1", "31/02/2023"],
            )
        },
        flagged={"Header": [0, 1]},
    ),
    Case(
        "a male child with no date, or a female or blank-sex child with one, is not flagged",
        years=("2023-24",),
        tables={
            "Header": table(
                ["CHILD", "SEX", "MC_DOB"],
                ["2", "1", ""],
                ["3", "2", "01/01/2023"],
                ["5", "", "01/01/2023"],
            )
        },
        flagged={},
    ),
    Case(
        "a child of sex M with a child's date of birth is flagged",
        years=FROM_2024,
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
        years=FROM_2024,
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
