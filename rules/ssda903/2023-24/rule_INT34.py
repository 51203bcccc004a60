"""Rule INT34: a child appears more than once in OC3."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import repeated_children
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT34",
    message="Internal Check: Child should only exist once in OC3.",
    tables=["OC3"],
    fields=["CHILD"],
    tags=["integrity"],
)
def oc3_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears more than once in the care leaver information (OC3).

    Every row with the child's ID (CHILD) is flagged: keep one row for the child and remove the
    others, or correct an ID that was mistyped.
    """
    return repeated_children(ctx, "OC3")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["2", "YES"],
                ["1", "YES"],
                ["", "YES"],
                ["", "YES"],
                ["3", "YES"],
            )
        },
        flagged={"OC3": [0, 2]},
        related=(("OC3", 0, "OC3", 2), ("OC3", 2, "OC3", 0)),
    ),
    Case(
        "three rows of a child are all flagged; ids equal only after trimming count as one",
        tables={
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["1", "YES"],
                ["1", "YES"],
                ["10", "YES"],
                ["01", "YES"],
                ["1 ", "YES"],
                ["2", "YES"],
                ["2 ", "YES"],
            )
        },
        flagged={"OC3": [0, 1, 2, 5, 6, 7]},
        related=(
            ("OC3", 0, "OC3", 1),
            ("OC3", 0, "OC3", 2),
            ("OC3", 0, "OC3", 5),
            ("OC3", 1, "OC3", 0),
            ("OC3", 1, "OC3", 2),
            ("OC3", 1, "OC3", 5),
            ("OC3", 2, "OC3", 0),
            ("OC3", 2, "OC3", 1),
            ("OC3", 2, "OC3", 5),
            ("OC3", 5, "OC3", 0),
            ("OC3", 5, "OC3", 1),
            ("OC3", 5, "OC3", 2),
            ("OC3", 6, "OC3", 7),
            ("OC3", 7, "OC3", 6),
        ),
    ),
]
