"""Rule SW04STG1: social worker episode start is not a valid date (or, from 2025-26, is blank)."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, from_year, rule, table, unreadable

FROM_2025 = from_year("ssda903", "2025-26")


@rule(
    code="SW04STG1",
    message="Date social worker episode began is not a valid date..",
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
# Equivalent mutant (ReplaceBinaryOperator_Mul_Div): `/` for the bare `*` still lets the pack give
# the parameter by name.
def social_worker_start_unreadable(ctx: RuleContext, *, blank_too: bool = False) -> pl.LazyFrame:
    """A social worker episode's start date (SW_DECOM) is written but is not a real date in the form
    dd/mm/yyyy.

    Correct the date the social worker episode began, written as dd/mm/yyyy (for example
    15/09/2023).
    """
    # Until 2024-25 (included) a blank start is reported by the completeness rules (SW03STG1
    # in 2023-24, SW01aSTG1/SW01bSTG1 in 2024-25), not here. The message's double full stop
    # is DfE's. NOTE: with SW01aSTG1/SW01bSTG1 gone in 2025-26, a blank start fails here too
    # (pack.toml: blank_too; inferred from unreleased peer work, not checked against DfE's
    # text, whose message speaks only of a date that is "not a valid date").
    start = pl.col("SW_DECOM")
    return ctx.table("SWEpisodes").filter(start.is_null() if blank_too else unreadable("SW_DECOM"))


CASES = [
    Case(
        "impossible and wrongly shaped start dates are flagged",
        years=("2023-24", "2024-25"),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["3", "31/04/2023"],
                ["4", "2023-05-01"],
                ["6", "29/02/2023"],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2]},
    ),
    Case(
        "real dates, 29 February of a leap year included, and blank starts are not flagged",
        years=("2023-24", "2024-25"),
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "01/05/2023"],
                ["2", ""],
                ["5", "29/02/2024"],
            )
        },
    ),
    Case(
        "blank, impossible and wrongly shaped starts are flagged",
        years=FROM_2025,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["2", ""],
                ["3", "31/04/2025"],
                ["4", "ZZ/ZZ/ZZZZ"],
            )
        },
        flagged={"SWEpisodes": [0, 1, 2]},
    ),
    Case(
        "real dates, 29 February of a leap year included, are not flagged",
        years=FROM_2025,
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "01/05/2025"],
                ["5", "29/02/2024"],
            )
        },
    ),
]
