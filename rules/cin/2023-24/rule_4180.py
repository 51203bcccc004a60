"""Rule 4180: sex (until 2023-24, gender) missing or not in the code list."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import sex_missing_or_invalid
from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

FROM_2024 = from_year("cin", "2024-25")


@rule(
    code="4180",
    message="Gender is missing",
    tables=["ChildIdentifiers"],
    fields=["GenderCurrent"],
    tags=["characteristics", "codes"],
)
# Equivalent mutant (ReplaceBinaryOperator_Mul_Div): `/` for the bare `*` still lets the pack give
# the parameter by name.
def gender_missing_or_invalid(ctx: RuleContext, *, sex: str = "GenderCurrent") -> pl.LazyFrame:
    """A child whose gender is blank or not one of the codes 0, 1, 2 and 9.

    The codes are 0 (not known), 1 (male), 2 (female) and 9 (not specified). Record the child's
    gender; an unborn child's is 0.
    """
    # From 2024-25 Sex (M/F/U) replaces GenderCurrent (pack.toml: sex = "Sex").
    return sex_missing_or_invalid(ctx, sex)


CASES = [
    Case(
        "the four codes are valid; blank and other values are flagged",
        years=("2023-24",),
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
        years=("2023-24",),
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "GenderCurrent"],
                ["A", "1"],
                ["A", ""],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
    Case(
        "M, F and U are valid; lower case, blank and the old gender codes are flagged",
        years=FROM_2024,
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "Sex"],
                ["A", "M"],
                ["B", "F"],
                ["C", "U"],
                ["D", "m"],
                ["E", ""],
                ["F", "1"],
                ["G", "0"],
                ["H", "X"],
                ["I", "Male"],
            )
        },
        flagged={"ChildIdentifiers": [3, 4, 5, 6, 7, 8]},
    ),
    Case(
        "a child listed twice is judged on each row",
        years=FROM_2024,
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "Sex"],
                ["A", "F"],
                ["A", "2"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
]
