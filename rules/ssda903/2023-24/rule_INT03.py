"""Rule INT03: a child in Episodes has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT03",
    message="Internal Check: Child in Episodes does not exist in Header.",
    tables=["Episodes", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def episode_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with an episode has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "Episodes")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "Episodes": table(
                ["CHILD", "RNE"], ["1", "S"], ["3", "S"], ["", "S"], ["2", "S"], ["1 ", "S"]
            ),
        },
        flagged={"Episodes": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "Episodes": table(
                ["CHILD", "RNE"],
                ["1", "S"],
                ["1", "S"],
                ["10", "S"],
                ["01", "S"],
                ["100", "S"],
                ["7", "S"],
                ["7", "S"],
            ),
        },
        flagged={"Episodes": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "Episodes": table(["CHILD", "RNE"], ["1", "S"])},
        flagged={"Episodes": [0]},
    ),
]
