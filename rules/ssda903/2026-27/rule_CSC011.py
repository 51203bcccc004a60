"""Rule CSC011: a child in DoLo has no Header record (csc-validate's own check)."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table

# NOTE: DfE's INT01-INT09 tie every other table's rows to a Header child; DfE publishes no such
# check for the deprivation of liberty orders new in 2026-27. This is csc-validate's own rule.


@rule(
    code="CSC011",
    message="Internal Check: Child in DoLo does not exist in Header.",
    tables=["DoLo", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def deprivation_of_liberty_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with a deprivation of liberty order has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the
    child's header record. This is csc-validate's own check: DfE has no rule of its own for it.
    """
    return missing_from_header(ctx, "DoLo")


CASES = [
    Case(
        "a child absent from Header, with a blank id or an id spelt otherwise, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "DoLo": table(
                ["CHILD", "DOLO_START"],
                ["1", "01/06/2026"],
                ["3", "01/06/2026"],
                ["", "01/06/2026"],
                ["2.0", "01/06/2026"],
                ["2", "01/07/2026"],
            ),
        },
        flagged={"DoLo": [1, 2, 3]},
    ),
    Case(
        "a blank Header CHILD ties no blank DoLo row; a child with several orders is clean",
        tables={
            "Header": table(["CHILD", "SEX"], ["1", "1"], ["", "2"]),
            "DoLo": table(
                ["CHILD", "DOLO_START"],
                ["1", "01/06/2026"],
                ["1", "01/09/2026"],
                ["", "01/06/2026"],
                ["01", "01/06/2026"],
            ),
        },
        flagged={"DoLo": [2, 3]},
    ),
]
