"""Rule 8750: an unborn child's sex is not U."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import unborn_without_unborn_sex
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8750",
    message="Sex must equal U for an unborn child",
    tables=["ChildIdentifiers"],
    fields=["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"],
    tags=["characteristics", "codes"],
)
def unborn_sex_not_unknown(ctx: RuleContext) -> pl.LazyFrame:
    """An unborn child whose sex is not U (unknown), or is blank.

    An unborn child has an expected date of birth and no date of birth. Set the sex to U until the
    child is born; once born, record the date of birth and the sex.
    """
    # An unreadable date still counts as given: a date of birth written wrongly means a born
    # child, an expected date written wrongly an unborn one.
    return unborn_without_unborn_sex(ctx, "Sex")


CASES = [
    Case(
        "an unborn child must have sex U",
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
