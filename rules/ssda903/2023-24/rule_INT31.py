"""Rule INT31: a child appears more than once in AD1."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import repeated_children
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT31",
    message="Internal Check: Child should only exist once in AD1.",
    tables=["AD1"],
    fields=["CHILD"],
    tags=["integrity"],
)
def adoption_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears more than once in the adoption details (AD1).

    Every row with the child's ID (CHILD) is flagged: keep one row for the child and remove the
    others, or correct an ID that was mistyped.
    """
    return repeated_children(ctx, "AD1")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR"],
                ["1", "1"],
                ["2", "1"],
                ["1", "1"],
                ["", "1"],
                ["", "1"],
                ["3", "1"],
            )
        },
        flagged={"AD1": [0, 2]},
        related=(("AD1", 0, "AD1", 2), ("AD1", 2, "AD1", 0)),
    ),
    Case(
        "three rows of a child are all flagged; ids equal only after trimming count as one",
        tables={
            "AD1": table(
                ["CHILD", "NB_ADOPTR"],
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
        flagged={"AD1": [0, 1, 2, 5, 6, 7]},
        related=(
            ("AD1", 0, "AD1", 1),
            ("AD1", 0, "AD1", 2),
            ("AD1", 0, "AD1", 5),
            ("AD1", 1, "AD1", 0),
            ("AD1", 1, "AD1", 2),
            ("AD1", 1, "AD1", 5),
            ("AD1", 2, "AD1", 0),
            ("AD1", 2, "AD1", 1),
            ("AD1", 2, "AD1", 5),
            ("AD1", 5, "AD1", 0),
            ("AD1", 5, "AD1", 1),
            ("AD1", 5, "AD1", 2),
            ("AD1", 6, "AD1", 7),
            ("AD1", 7, "AD1", 6),
        ),
    ),
]
