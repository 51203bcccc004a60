"""Rule INT01: a child in AD1 has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT01",
    message="Data Integrity Check: Child in AD1 does not exist in Header.",
    tables=["AD1", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def adoption_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with adoption details (AD1) has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "AD1")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "AD1": table(
                ["CHILD", "NB_ADOPTR"], ["1", "1"], ["3", "1"], ["", "1"], ["2", "1"], ["1 ", "1"]
            ),
        },
        flagged={"AD1": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "AD1": table(
                ["CHILD", "NB_ADOPTR"],
                ["1", "1"],
                ["1", "1"],
                ["10", "1"],
                ["01", "1"],
                ["100", "1"],
                ["7", "1"],
                ["7", "1"],
            ),
        },
        flagged={"AD1": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={"Header": table(["CHILD"]), "AD1": table(["CHILD", "NB_ADOPTR"], ["1", "1"])},
        flagged={"AD1": [0]},
    ),
]
