"""Rule INT35: a child appears more than once in PrevPerm."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import repeated_children
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT35",
    message="Internal Check: Child should only exist once in PrevPerm.",
    tables=["PrevPerm"],
    fields=["CHILD"],
    tags=["integrity"],
)
def previous_permanence_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears more than once in the previous permanence details (PrevPerm).

    Every row with the child's ID (CHILD) is flagged: keep one row for the child and remove the
    others, or correct an ID that was mistyped.
    """
    return repeated_children(ctx, "PrevPerm")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM"],
                ["1", "Z1"],
                ["2", "Z1"],
                ["1", "Z1"],
                ["", "Z1"],
                ["", "Z1"],
                ["3", "Z1"],
            )
        },
        flagged={"PrevPerm": [0, 2]},
        related=(("PrevPerm", 0, "PrevPerm", 2), ("PrevPerm", 2, "PrevPerm", 0)),
    ),
    Case(
        "three rows of a child are all flagged; ids equal only after trimming count as one",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM"],
                ["1", "Z1"],
                ["1", "Z1"],
                ["1", "Z1"],
                ["10", "Z1"],
                ["01", "Z1"],
                ["1 ", "Z1"],
                ["2", "Z1"],
                ["2 ", "Z1"],
            )
        },
        flagged={"PrevPerm": [0, 1, 2, 5, 6, 7]},
        related=(
            ("PrevPerm", 0, "PrevPerm", 1),
            ("PrevPerm", 0, "PrevPerm", 2),
            ("PrevPerm", 0, "PrevPerm", 5),
            ("PrevPerm", 1, "PrevPerm", 0),
            ("PrevPerm", 1, "PrevPerm", 2),
            ("PrevPerm", 1, "PrevPerm", 5),
            ("PrevPerm", 2, "PrevPerm", 0),
            ("PrevPerm", 2, "PrevPerm", 1),
            ("PrevPerm", 2, "PrevPerm", 5),
            ("PrevPerm", 5, "PrevPerm", 0),
            ("PrevPerm", 5, "PrevPerm", 1),
            ("PrevPerm", 5, "PrevPerm", 2),
            ("PrevPerm", 6, "PrevPerm", 7),
            ("PrevPerm", 7, "PrevPerm", 6),
        ),
    ),
]
