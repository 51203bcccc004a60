"""Rule INT09: a child in UASC has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT09",
    message="Internal Check: Child in UASC does not exist in Header.",
    tables=["UASC", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def uasc_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with an unaccompanied asylum-seeking (UASC) record has no header record with that ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "UASC")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "UASC": table(
                ["CHILD", "SEX"], ["1", "1"], ["3", "1"], ["", "1"], ["2", "1"], ["1 ", "1"]
            ),
        },
        flagged={"UASC": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "UASC": table(
                ["CHILD", "SEX"],
                ["1", "1"],
                ["1", "1"],
                ["10", "1"],
                ["01", "1"],
                ["100", "1"],
                ["7", "1"],
                ["7", "1"],
            ),
        },
        flagged={"UASC": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "UASC": table(["CHILD", "SEX"], ["1", "1"])},
        flagged={"UASC": [0]},
    ),
]
