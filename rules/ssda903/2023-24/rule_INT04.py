"""Rule INT04: a child in Missing has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT04",
    message="Internal Check: Child in Missing does not exist in Header.",
    tables=["Missing", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def missing_episode_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with a missing or away period has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "Missing")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "Missing": table(
                ["CHILD", "MISSING"], ["1", "M"], ["3", "M"], ["", "M"], ["2", "M"], ["1 ", "M"]
            ),
        },
        flagged={"Missing": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "Missing": table(
                ["CHILD", "MISSING"],
                ["1", "M"],
                ["1", "M"],
                ["10", "M"],
                ["01", "M"],
                ["100", "M"],
                ["7", "M"],
                ["7", "M"],
            ),
        },
        flagged={"Missing": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "Missing": table(["CHILD", "MISSING"], ["1", "M"])},
        flagged={"Missing": [0]},
    ),
]
