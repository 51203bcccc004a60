"""Rule 4180: sex missing or not M, F or U."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import sex_missing_or_invalid
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="4180",
    message="Sex must be provided and equal M, F, or U",
    tables=["ChildIdentifiers"],
    fields=["Sex"],
    tags=["characteristics", "codes"],
)
def sex_missing_or_invalid_code(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose sex is blank or not one of M (male), F (female) and U (unknown).

    Record the child's sex; an unborn child's is U.
    """
    return sex_missing_or_invalid(ctx, "Sex")


CASES = [
    Case(
        "M, F and U are valid; lower case, blank and the old gender codes are flagged",
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
