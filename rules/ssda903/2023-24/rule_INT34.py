"""Rule INT34: a child appears more than once in OC3."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.rulekit.integrity import repeated_children


@rule(
    code="INT34",
    message="Internal Check: Child should only exist once in OC3.",
    tables=["OC3"],
    fields=["CHILD"],
    tags=["integrity"],
)
def oc3_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears at most once in OC3; every copy of a repeated CHILD is flagged."""
    return repeated_children(ctx, "OC3")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={"OC3": table(["CHILD"], ["1"], ["2"], ["1"], [""], [""], ["3"])},
        flagged={"OC3": [0, 2]},
    ),
]
