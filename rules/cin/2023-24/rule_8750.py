"""Rule 8750: an unborn child's sex is not U (until 2023-24, gender not 0)."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import unborn_without_unborn_sex
from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

FROM_2024 = from_year("cin", "2024-25")


@rule(
    code="8750",
    message="Gender must equal 0 for an unborn child",
    tables=["ChildIdentifiers"],
    fields=["GenderCurrent", "PersonBirthDate", "ExpectedPersonBirthDate"],
    tags=["characteristics", "codes"],
)
# Equivalent mutant (ReplaceBinaryOperator_Mul_Div): `/` for the bare `*` still lets the pack give
# the parameter by name.
def unborn_gender_not_unknown(ctx: RuleContext, *, sex: str = "GenderCurrent") -> pl.LazyFrame:
    """An unborn child whose gender is not 0 (not known), or is blank.

    An unborn child has an expected date of birth and no date of birth. Set the gender to 0 until
    the child is born; once born, record the date of birth and the gender.
    """
    # An unreadable date still counts as given: a date of birth written wrongly means a born
    # child, an expected date written wrongly an unborn one. From 2024-25 Sex (M/F/U) replaces
    # GenderCurrent (pack.toml: sex = "Sex"), and the year's SEX_UNBORN list gives U.
    return unborn_without_unborn_sex(ctx, sex)


CASES = [
    Case(
        "an unborn child must have gender 0",
        years=("2023-24",),
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent"],
                ["A", "", "2024-06-01", "0"],
                ["B", "", "2024-06-01", "1"],
                ["C", "", "2024-06-01", "9"],
                ["D", "", "2024-06-01", ""],
                ["E", "", "2024-02-30", "2"],
                ["F", "2023-06-01", "", "1"],
                ["G", "2023-06-01", "2024-06-01", "1"],
                ["H", "2023-06-31", "2024-06-01", "2"],
                ["I", "", "", "1"],
            )
        },
        flagged={"ChildIdentifiers": [1, 2, 3, 4]},
    ),
    Case(
        "a born child with gender 0 is not this rule's concern",
        years=("2023-24",),
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent"],
                ["A", "2023-06-01", "", "0"],
                ["B", "", "2024-06-01", "2"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
    Case(
        "an unborn child must have sex U",
        years=FROM_2024,
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "Sex"],
                ["A", "", "2025-06-01", "U"],
                ["B", "", "2025-06-01", "u"],
                ["C", "", "2025-06-01", "F"],
                ["D", "", "2025-06-01", ""],
                ["E", "", "2025-06-01", "0"],
                ["F", "", "2025-02-30", "M"],
                ["G", "2024-06-01", "", "M"],
                ["H", "2024-06-01", "2025-06-01", "F"],
                ["I", "2024-06-31", "2025-06-01", "F"],
                ["J", "", "", "M"],
            )
        },
        flagged={"ChildIdentifiers": [1, 2, 3, 4, 5]},
    ),
    Case(
        "a born child with sex U is not this rule's concern",
        years=FROM_2024,
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "Sex"],
                ["A", "2024-06-01", "", "U"],
                ["B", "", "2025-06-01", "M"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
]
