"""Rule INT35: a child appears more than once in PrevPerm."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.rulekit.integrity import repeated_children


@rule(
    code="INT35",
    message="Internal Check: Child should only exist once in PrevPerm.",
    tables=["PrevPerm"],
    fields=["CHILD"],
    tags=["integrity"],
)
def previous_permanence_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears at most once in PrevPerm; every copy of a repeated CHILD is flagged."""
    return repeated_children(ctx, "PrevPerm")


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={"PrevPerm": table(["CHILD"], ["1"], ["2"], ["1"], [""], [""], ["3"])},
        flagged={"PrevPerm": [0, 2]},
    ),
]
