"""Rule W1: a worker who starts after the census date, the collection year's last day."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="W1",
    message="Start date is after the census date",
    tables=["Workers"],
    fields=["StartDate"],
)
def starts_after_census(ctx: RuleContext) -> pl.LazyFrame:
    """A worker whose start date is after the last day of the collection year."""
    return ctx.table("Workers").filter(pl.col("StartDate") > ctx.end)


CASES = [
    Case(
        "a start after 30 September is flagged; on it or before is not",
        tables={
            "Workers": table(
                ["WorkerID", "StartDate"],
                ["A", "29/09/2026"],
                ["B", "30/09/2026"],
                ["C", "01/10/2026"],
                ["D", "31/03/2026"],
                ["E", ""],
            )
        },
        flagged={"Workers": [2]},
    ),
]
