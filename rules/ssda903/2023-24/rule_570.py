"""Rule 570: a missing or away period starts after the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="570",
    message=(
        "The date that the child started to be missing or away from placement without"
        " authorisation is after the end of the collection year."
    ),
    tables=["Missing"],
    fields=["MIS_START"],
    tags=["missing", "dates"],
)
def missing_period_starts_after_year(ctx: RuleContext) -> pl.LazyFrame:
    """A missing or away period starts after the end of the collection year (31 March).

    Check the start date of the period: one that begins after 31 March belongs in next year's
    return.
    """
    # Blank or unreadable start dates are other rules' (564, 1004).
    return ctx.table("Missing").filter(pl.col("MIS_START") > ctx.end)


CASES = [
    Case(
        "a start after 31 March at the close of the year is flagged; on or before it is not",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["1", "31/03/2026"],
                ["2", "01/04/2026"],
                ["3", "01/04/2025"],
                ["5", "30/03/2026"],
                ["6", "02/04/2026"],
                ["9", "31/03/2025"],
                ["10", "01/03/2026"],
                ["10", "01/04/2027"],
            ),
        },
        flagged={"Missing": [1, 4, 7]},
        period="2025-26",
    ),
    Case(
        "a blank or unreadable start is left to other rules",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START"], ["4", ""], ["7", "31/04/2026"], ["8", "2026-04-01"]
            ),
        },
        period="2025-26",
    ),
]
