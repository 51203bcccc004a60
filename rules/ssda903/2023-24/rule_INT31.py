"""Rule INT31: a child appears more than once in AD1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="INT31",
    message="Internal Check: Child should only exist once in AD1.",
    tables=["AD1"],
    fields=["CHILD"],
    tags=["integrity"],
)
def adoption_child_repeated(ctx: RuleContext) -> pl.LazyFrame:
    """A child appears at most once in AD1; every copy of a repeated CHILD is flagged.

    Why: rows with a blank CHILD are not one child, so they are not counted as repeats.
    """
    child = pl.col("CHILD")
    return ctx.table("AD1").filter(child.is_not_null() & (pl.len().over("CHILD") > 1))


CASES = [
    Case(
        "every row of a repeated child is flagged; blanks and single rows are not",
        tables={"AD1": table(["CHILD"], ["1"], ["2"], ["1"], [""], [""], ["3"])},
        flagged={"AD1": [0, 2]},
    ),
]
