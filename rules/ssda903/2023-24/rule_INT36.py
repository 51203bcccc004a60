"""Rule INT36: a child appears more than once in UASC."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import repeated_children
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT36",
    message="Internal Check: Child should only exist once in UASC.",
    tables=["UASC"],
    fields=["CHILD"],
    tags=["integrity"],
)
def uasc_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears more than once in the unaccompanied asylum-seeking records (UASC).

    Every row with the child's ID (CHILD) is flagged: keep one row for the child and remove the
    others, or correct an ID that was mistyped.
    """
    return repeated_children(ctx, "UASC")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={
            "UASC": table(
                ["CHILD", "SEX"],
                ["1", "1"],
                ["2", "1"],
                ["1", "1"],
                ["", "1"],
                ["", "1"],
                ["3", "1"],
            )
        },
        flagged={"UASC": [0, 2]},
        related=(("UASC", 0, "UASC", 2), ("UASC", 2, "UASC", 0)),
    ),
    Case(
        "three rows of a child are all flagged; ids equal only after trimming count as one",
        tables={
            "UASC": table(
                ["CHILD", "SEX"],
                ["1", "1"],
                ["1", "1"],
                ["1", "1"],
                ["10", "1"],
                ["01", "1"],
                ["1 ", "1"],
                ["2", "1"],
                ["2 ", "1"],
            )
        },
        flagged={"UASC": [0, 1, 2, 5, 6, 7]},
        related=(
            ("UASC", 0, "UASC", 1),
            ("UASC", 0, "UASC", 2),
            ("UASC", 0, "UASC", 5),
            ("UASC", 1, "UASC", 0),
            ("UASC", 1, "UASC", 2),
            ("UASC", 1, "UASC", 5),
            ("UASC", 2, "UASC", 0),
            ("UASC", 2, "UASC", 1),
            ("UASC", 2, "UASC", 5),
            ("UASC", 5, "UASC", 0),
            ("UASC", 5, "UASC", 1),
            ("UASC", 5, "UASC", 2),
            ("UASC", 6, "UASC", 7),
            ("UASC", 7, "UASC", 6),
        ),
    ),
]
