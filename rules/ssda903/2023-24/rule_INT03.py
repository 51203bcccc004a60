"""Rule INT03: a child in Episodes has no Header record."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.rulekit.integrity import missing_from_header


@rule(
    code="INT03",
    message="Internal Check: Child in Episodes does not exist in Header.",
    tables=["Episodes", "Header"],
    fields=["CHILD"],
    tags=["integrity"],
)
def episode_child_missing_from_header(ctx: RuleContext) -> pl.LazyFrame:
    """Every child with an episode record also has a Header record (matched on CHILD)."""
    return missing_from_header(ctx, "Episodes")


CASES = [
    Case(
        "a child absent from Header, or with a blank id, is flagged",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "Episodes": table(["CHILD"], ["1"], ["3"], [""], ["2"], ["1 "]),
        },
        flagged={"Episodes": [1, 2]},
    ),
]
