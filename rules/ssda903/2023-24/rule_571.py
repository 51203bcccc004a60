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
        "an end on or before 31 March before the year is flagged; on 1 April or later it is not",
        tables={
            "Missing": table(
                ["CHILD", "MIS_END"],
                ["1", "31/03/2025"],
                ["2", "01/04/2025"],
                ["6", "30/03/2025"],
                ["7", "02/04/2025"],
                ["12", "01/01/2020"],
            )
        },
        flagged={"Missing": [0, 2, 4]},
        period="2025-26",
    ),
    Case(
        "an end after 31 March at the close of the year is flagged; on or before it, it is not",
        tables={
            "Missing": table(
                ["CHILD", "MIS_END"],
                ["3", "31/03/2026"],
                ["4", "01/04/2026"],
                ["8", "30/03/2026"],
                ["9", "02/04/2026"],
            )
        },
        flagged={"Missing": [1, 3]},
        period="2025-26",
    ),
    Case(
        "a blank or unreadable end is not flagged",
        tables={
            "Missing": table(
                ["CHILD", "MIS_END"],
                ["5", ""],
                ["10", "31/02/2026"],
                ["11", "2026-04-01"],
                ["13", "01/05/2025"],
                ["13", "31/04/2025"],
            )
        },
        period="2025-26",
    ),
]
