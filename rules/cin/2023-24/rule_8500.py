"""Rule 8500: a child with no LA child ID."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="8500",
    message="LA Child ID missing",
    tables=["ChildIdentifiers"],
    fields=["LAchildID"],
    tags=["identifiers"],
)
def child_id_missing(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose LA child ID is blank.

    Every child needs the council's identifier for them; without it the child's episodes,
    assessments and plans cannot be matched to the child.
    """
    # An ID of spaces only is trimmed to blank on reading.
    return ctx.table("ChildIdentifiers").filter(pl.col("LAchildID").is_null())


CASES = [
    Case(
        "blank and space-only IDs are flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate"],
                ["A", "2015-01-01"],
                ["", "2016-01-01"],
                ["   ", "2017-01-01"],
                ["0", "2018-01-01"],
            )
        },
        flagged={"ChildIdentifiers": [1, 2]},
    ),
    Case(
        "several children without an ID are each flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["", "H801200001001"],
                ["", "U80120000100A"],
                ["B", "A000000000000"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
