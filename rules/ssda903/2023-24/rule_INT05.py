"""Rule INT05: a child in OC2 has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT05",
    message="Internal Check: Child in OC2 does not exist in Header.",
    tables=["OC2", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def oc2_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with outcomes (OC2) has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "OC2")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "OC2": table(
                ["CHILD", "CONVICTED"], ["1", "0"], ["3", "0"], ["", "0"], ["2", "0"], ["1 ", "0"]
            ),
        },
        flagged={"OC2": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "OC2": table(
                ["CHILD", "CONVICTED"],
                ["1", "0"],
                ["1", "0"],
                ["10", "0"],
                ["01", "0"],
                ["100", "0"],
                ["7", "0"],
                ["7", "0"],
            ),
        },
        flagged={"OC2": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "OC2": table(["CHILD", "CONVICTED"], ["1", "0"])},
        flagged={"OC2": [0]},
    ),
]
