"""Rule INT32: a child appears more than once in Header."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import NAMED_AT_MOST
from csc_validate.collections.ssda903.rulekit.integrity import repeated_children
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT32",
    message="Internal Check: Child should only exist once in Header.",
    tables=["Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def header_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears more than once in the header.

    Every row with the child's ID (CHILD) is flagged: keep one row for the child and remove the
    others, or correct an ID that was mistyped.
    """
    return repeated_children(ctx, "Header")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={
            "Header": table(
                ["CHILD", "ETHNIC"],
                ["1", "WBRI"],
                ["2", "WBRI"],
                ["1", "WBRI"],
                ["", "WBRI"],
                ["", "WBRI"],
                ["3", "WBRI"],
            )
        },
        flagged={"Header": [0, 2]},
        related=(("Header", 0, "Header", 2), ("Header", 2, "Header", 0)),
    ),
    Case(
        "three rows of a child are all flagged; ids equal only after trimming count as one",
        tables={
            "Header": table(
                ["CHILD", "ETHNIC"],
                ["1", "WBRI"],
                ["1", "WBRI"],
                ["1", "WBRI"],
                ["10", "WBRI"],
                ["01", "WBRI"],
                ["1 ", "WBRI"],
                ["2", "WBRI"],
                ["2 ", "WBRI"],
            )
        },
        flagged={"Header": [0, 1, 2, 5, 6, 7]},
        related=(
            ("Header", 0, "Header", 1),
            ("Header", 0, "Header", 2),
            ("Header", 0, "Header", 5),
            ("Header", 1, "Header", 0),
            ("Header", 1, "Header", 2),
            ("Header", 1, "Header", 5),
            ("Header", 2, "Header", 0),
            ("Header", 2, "Header", 1),
            ("Header", 2, "Header", 5),
            ("Header", 5, "Header", 0),
            ("Header", 5, "Header", 1),
            ("Header", 5, "Header", 2),
            ("Header", 6, "Header", 7),
            ("Header", 7, "Header", 6),
        ),
    ),
    Case(
        "a child on more rows than are named: every row is flagged, naming the child's first rows",
        tables={"Header": table(["CHILD", "ETHNIC"], *[["1", "WBRI"]] * (NAMED_AT_MOST + 2))},
        flagged={"Header": list(range(NAMED_AT_MOST + 2))},
        related=tuple(
            ("Header", row, "Header", named)
            for row in range(NAMED_AT_MOST + 2)
            for named in range(NAMED_AT_MOST)
            if named != row
        ),
    ),
]
