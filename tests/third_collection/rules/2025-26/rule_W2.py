"""Rule W2: an absence that starts outside the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="W2",
    message="Absence starts outside the collection year",
    tables=["Absences"],
    fields=["AbsenceStart"],
)
def absence_outside_year(ctx: RuleContext) -> pl.LazyFrame:
    """An absence whose first day is before 1 October or after 30 September of the year."""
    return ctx.table("Absences").filter(~pl.col("AbsenceStart").is_between(ctx.start, ctx.end))


CASES = [
    Case(
        "before 1 October or after 30 September is flagged; on either day is not",
        tables={
            "Absences": table(
                ["WorkerID", "AbsenceStart"],
                ["A", "30/09/2025"],
                ["A", "01/10/2025"],
                ["B", "30/09/2026"],
                ["B", "01/10/2026"],
                ["C", "01/04/2026"],
            )
        },
        flagged={"Absences": [0, 3]},
    ),
]
