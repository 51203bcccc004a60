"""Rule INT02: a child in PlacedAdoption has no Header record."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.rulekit.integrity import missing_from_header


@rule(
    code="INT02",
    message="Internal Check: Child in PlacedAdoption does not exist in Header.",
    tables=["PlacedAdoption", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def placed_for_adoption_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """Every child with a placed-for-adoption record also has a Header record (matched on CHILD)."""
    return missing_from_header(ctx, "PlacedAdoption")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "PlacedAdoption": table(["CHILD"], ["1"], ["3"], [""], ["2"], ["1 "]),
        },
        flagged={"PlacedAdoption": [1, 2]},
    ),
]
