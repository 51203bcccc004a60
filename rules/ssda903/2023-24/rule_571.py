"""Rule 571: a missing or away period ends outside the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="571",
    message=(
        "The date that the child ceased to be missing or away from placement without"
        " authorisation is before the start or after the end of the collection year."
    ),
    tables=["Missing"],
    fields=["MIS_END"],
    tags=["missing", "dates"],
)
def missing_period_ends_outside_year(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period ended before 1 April or after 31 March of the collection year.

    Check the end date of the period: one that ended before 1 April belongs to an earlier return,
    and one that has not ended yet is left blank.
    """
    # A blank end means the child is still missing and is not flagged.
    end = pl.col("MIS_END")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): no date is both before 1 April and
    # after 31 March of the next year, so the two tests are never true together.
    return ctx.table("Missing").filter((end < ctx.start) | (end > ctx.end))


CASES = [
    Case(
        "ends on 31 March before the year or 1 April after it are flagged",
        tables={
            "Missing": table(
                ["CHILD", "MIS_END"],
                ["1", "31/03/2025"],
                ["2", "01/04/2025"],
                ["3", "31/03/2026"],
                ["4", "01/04/2026"],
                ["5", ""],
                ["6", "30/03/2025"],
                ["7", "02/04/2025"],
                ["8", "30/03/2026"],
                ["9", "02/04/2026"],
                ["10", "31/02/2026"],
                ["11", "2026-04-01"],
                ["12", "01/01/2020"],
                ["13", "01/05/2025"],
                ["13", "31/04/2025"],
            )
        },
        flagged={"Missing": [0, 3, 5, 8, 11]},
        period="2025-26",
    ),
]
