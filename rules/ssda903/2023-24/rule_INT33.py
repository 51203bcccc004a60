"""Rule INT33: a child appears more than once in OC2."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import repeated_children
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT33",
    message="Internal Check: Child should only exist once in OC2.",
    tables=["OC2"],
    fields=["CHILD"],
    tags=["integrity"],
)
def oc2_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears more than once in the outcomes (OC2).

    Every row with the child's ID (CHILD) is flagged: keep one row for the child and remove the
    others, or correct an ID that was mistyped.
    """
    return repeated_children(ctx, "OC2")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["2", "0"],
                ["1", "0"],
                ["", "0"],
                ["", "0"],
                ["3", "0"],
            )
        },
        flagged={"OC2": [0, 2]},
        related=(("OC2", 0, "OC2", 2), ("OC2", 2, "OC2", 0)),
    ),
    Case(
        "three rows of a child are all flagged; ids equal only after trimming count as one",
        tables={
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["1", "0"],
                ["1", "0"],
                ["10", "0"],
                ["01", "0"],
                ["1 ", "0"],
                ["2", "0"],
                ["2 ", "0"],
            )
        },
        flagged={"OC2": [0, 1, 2, 5, 6, 7]},
        related=(
            ("OC2", 0, "OC2", 1),
            ("OC2", 0, "OC2", 2),
            ("OC2", 0, "OC2", 5),
            ("OC2", 1, "OC2", 0),
            ("OC2", 1, "OC2", 2),
            ("OC2", 1, "OC2", 5),
            ("OC2", 2, "OC2", 0),
            ("OC2", 2, "OC2", 1),
            ("OC2", 2, "OC2", 5),
            ("OC2", 5, "OC2", 0),
            ("OC2", 5, "OC2", 1),
            ("OC2", 5, "OC2", 2),
            ("OC2", 6, "OC2", 7),
            ("OC2", 7, "OC2", 6),
        ),
    ),
]
