"""Rule INT06: a child in OC3 has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT06",
    message="Internal Check: Child in OC3 does not exist in Header.",
    tables=["OC3", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def oc3_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with care leaver information (OC3) has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "OC3")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["3", "YES"],
                ["", "YES"],
                ["2", "YES"],
                ["1 ", "YES"],
            ),
        },
        flagged={"OC3": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "OC3": table(
                ["CHILD", "IN_TOUCH"],
                ["1", "YES"],
                ["1", "YES"],
                ["10", "YES"],
                ["01", "YES"],
                ["100", "YES"],
                ["7", "YES"],
                ["7", "YES"],
            ),
        },
        flagged={"OC3": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "OC3": table(["CHILD", "IN_TOUCH"], ["1", "YES"])},
        flagged={"OC3": [0]},
    ),
]
