"""Rule 4180 (to 2023-24): gender missing or not in the code list."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import sex_missing_or_invalid
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="4180",
    message="Gender is missing",
    tables=["ChildIdentifiers"],
    fields=["GenderCurrent"],
    tags=["characteristics", "codes"],
)
def gender_missing_or_invalid(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose gender is blank or not one of the codes 0, 1, 2 and 9.

    The codes are 0 (not known), 1 (male), 2 (female) and 9 (not specified). Record the child's
    gender; an unborn child's is 0.
    """
    return sex_missing_or_invalid(ctx, "GenderCurrent")


CASES = [
    Case(
        "the four codes are valid; blank and other values are flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "GenderCurrent"],
                ["A", "0"],
                ["B", "1"],
                ["C", "2"],
                ["D", "9"],
                ["E", ""],
                ["F", "3"],
                ["G", "M"],
                ["H", "01"],
            )
        },
        flagged={"ChildIdentifiers": [4, 5, 6, 7]},
    ),
    Case(
        "a child listed twice is judged on each row",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "GenderCurrent"],
                ["A", "1"],
                ["A", ""],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
]
