"""Rule INT02: a child in PlacedAdoption has no Header record."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.integrity import missing_from_header
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT02",
    message="Internal Check: Child in PlacedAdoption does not exist in Header.",
    tables=["PlacedAdoption", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def placed_for_adoption_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """A child with a decision to place for adoption has no header record with the same child ID.

    Check the child's ID (CHILD) in both files and correct the one that is wrong, or add the child's
    header record.
    """
    return missing_from_header(ctx, "PlacedAdoption")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "PlacedAdoption": table(
                ["CHILD", "REASON_PLACED_CEASED"],
                ["1", "E1"],
                ["3", "E1"],
                ["", "E1"],
                ["2", "E1"],
                ["1 ", "E1"],
            ),
        },
        flagged={"PlacedAdoption": [1, 2]},
    ),
    Case(
        "every row of a child is matched by the exact id, however often either table has it",
        tables={
            "Header": table(["CHILD"], ["1"], ["1"], ["10"]),
            "PlacedAdoption": table(
                ["CHILD", "REASON_PLACED_CEASED"],
                ["1", "E1"],
                ["1", "E1"],
                ["10", "E1"],
                ["01", "E1"],
                ["100", "E1"],
                ["7", "E1"],
                ["7", "E1"],
            ),
        },
        flagged={"PlacedAdoption": [3, 4, 5, 6]},
    ),
    Case(
        "with no child in Header every row is flagged",
        tables={
            "Header": table(["CHILD"]),
            "PlacedAdoption": table(["CHILD", "REASON_PLACED_CEASED"], ["1", "E1"]),
        },
        flagged={"PlacedAdoption": [0]},
    ),
]
