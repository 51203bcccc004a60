"""Rule 8750 (to 2023-24): an unborn child's gender is not 0."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import unborn_without_unborn_sex
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8750",
    message="Gender must equal 0 for an unborn child",
    tables=["ChildIdentifiers"],
    fields=["GenderCurrent", "PersonBirthDate", "ExpectedPersonBirthDate"],
    tags=["characteristics", "codes"],
)
def unborn_gender_not_unknown(ctx: RuleContext) -> pl.LazyFrame:
    """An unborn child whose gender is not 0 (not known), or is blank.

    An unborn child has an expected date of birth and no date of birth. Set the gender to 0 until
    the child is born; once born, record the date of birth and the gender.
    """
    # An unreadable date still counts as given: a date of birth written wrongly means a born
    # child, an expected date written wrongly an unborn one.
    return unborn_without_unborn_sex(ctx, "GenderCurrent")


CASES = [
    Case(
        "an unborn child must have gender 0",
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
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent"],
                ["A", "2023-06-01", "", "0"],
                ["B", "", "2024-06-01", "2"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
]
