"""Rule INT08: a child in Reviews has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT08",
    message="Internal Check: Child in Reviews does not exist in Header.",
    tables=["Reviews", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def review_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with a review has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "Reviews")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "Reviews": table(
                ["CHILD", "REVIEW_CODE"],
                ["1", "PN1"],
                ["3", "PN1"],
                ["", "PN1"],
                ["2", "PN1"],
                ["1 ", "PN1"],
            ),
        },
        flagged={"Reviews": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "Reviews": table(
                ["CHILD", "REVIEW_CODE"],
                ["1", "PN1"],
                ["1", "PN1"],
                ["10", "PN1"],
                ["01", "PN1"],
                ["100", "PN1"],
                ["7", "PN1"],
                ["7", "PN1"],
            ),
        },
        flagged={"Reviews": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={
            "Header": table(["CHILD"]),
            "Reviews": table(["CHILD", "REVIEW_CODE"], ["1", "PN1"]),
        },
        flagged={"Reviews": [0]},
    ),
]
