"""Rule INT07: a child in PrevPerm has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT07",
    message="Internal Check: Child in PrevPerm does not exist in Header.",
    tables=["PrevPerm", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def previous_permanence_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with previous permanence details has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "PrevPerm")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "PrevPerm": table(
                ["CHILD", "PREV_PERM"],
                ["1", "Z1"],
                ["3", "Z1"],
                ["", "Z1"],
                ["2", "Z1"],
                ["1 ", "Z1"],
            ),
        },
        flagged={"PrevPerm": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "PrevPerm": table(
                ["CHILD", "PREV_PERM"],
                ["1", "Z1"],
                ["1", "Z1"],
                ["10", "Z1"],
                ["01", "Z1"],
                ["100", "Z1"],
                ["7", "Z1"],
                ["7", "Z1"],
            ),
        },
        flagged={"PrevPerm": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "PrevPerm": table(["CHILD", "PREV_PERM"], ["1", "Z1"])},
        flagged={"PrevPerm": [0]},
    ),
]
