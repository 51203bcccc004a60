"""Rule 8525Q: neither or both of date of birth and expected date of birth given."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import is_written
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8525Q",
    message="Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["PersonBirthDate", "ExpectedPersonBirthDate"],
    tags=["dates", "identifiers"],
)
def birth_and_expected_birth_both_or_neither(ctx: RuleContext) -> pl.LazyFrame:
    """A child with no date of birth and no expected date of birth, or with both.

    A born child has a date of birth only; an unborn child has an expected date of birth only.
    Once the child is born, replace the expected date with the date of birth.
    """
    # A date written but unreadable was still provided (CSC001 reports the bad date itself).
    return ctx.table("ChildIdentifiers").filter(
        is_written("PersonBirthDate") == is_written("ExpectedPersonBirthDate")
    )


CASES = [
    Case(
        "one of the two dates is right; neither or both is flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate"],
                ["A", "2015-01-01", ""],
                ["B", "", "2024-06-01"],
                ["C", "", ""],
                ["D", "2015-01-01", "2024-06-01"],
                ["E", "2015-02-30", ""],
                ["F", "", "2024-02-30"],
                ["G", "2015-02-30", "2024-06-01"],
            )
        },
        flagged={"ChildIdentifiers": [2, 3, 6]},
    ),
    Case(
        "a child listed twice is judged on each row",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate", "UPN"],
                ["A", "2015-01-01", "", "H801200001001"],
                ["A", "", "", "H801200001001"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
]
