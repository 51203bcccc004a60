"""Rule SW04STG1: social worker episode start is not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="SW04STG1",
    message="Date social worker episode began is not a valid date..",
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_start_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's start date (SW_DECOM) is written but is not a real date in the form
    dd/mm/yyyy.

    Correct the date the social worker episode began, written as dd/mm/yyyy (for example
    15/09/2023).
    """
    # Until 2024-25 (included) a blank start is reported by the completeness rules (SW03STG1
    # in 2023-24, SW01aSTG1/SW01bSTG1 in 2024-25), not here. The message's double full stop
    # is DfE's.
    return ctx.table("SWEpisodes").filter(unreadable("SW_DECOM"))


CASES = [
    Case(
        "impossible and wrongly shaped start dates are flagged",
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
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "01/05/2023"],
                ["2", ""],
                ["5", "29/02/2024"],
            )
        },
    ),
]
