"""Rule 174: a child recorded as male has a date of birth for their own child."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="174",
    message="Mother's child date of birth is recorded but gender shows that the child is a male.",
    tables=["Header"],
    fields=["SEX", "MC_DOB"],
    tags=["mothers"],
)
def mothers_child_birth_date_for_male(ctx: RuleContext) -> pl.LazyFrame:
    """MC_DOB is blank for a child whose sex is male (1 until 2023-24).

    Why: MC_DOB records the birth of a looked-after mother's child. A date that is given but
    unreadable still counts as recorded (rule 171 reports it).
    """
    male = pl.col("SEX").is_in(ctx.codes("SEX_MALE"))
    return ctx.table("Header").filter(male & pl.col(raw_name("MC_DOB")).is_not_null())


CASES = [
    Case(
        "a male child with a child's date of birth is flagged",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MC_DOB"],
                ["1", "1", "01/01/2023"],
                ["2", "1", ""],
                ["3", "2", "01/01/2023"],
                ["4", "1", "31/02/2023"],
                ["5", "", "01/01/2023"],
            )
        },
        flagged={"Header": [0, 3]},
    ),
]
