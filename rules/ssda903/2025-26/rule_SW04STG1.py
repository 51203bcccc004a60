"""Rule SW04STG1 (2025-26): social worker episode start is blank or not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="SW04STG1",
    message="Date social worker episode began is not a valid date..",
    tables=["SWEpisodes"],
    fields=["SW_DECOM"],
    tags=["social-workers", "dates"],
)
def social_worker_start_blank_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """A social worker episode's start date (SW_DECOM) is blank, or is not a real date in the form
    dd/mm/yyyy.

    Write the date the social worker episode began as dd/mm/yyyy (for example 15/09/2025).
    """
    # NOTE: with the completeness rules SW01aSTG1/SW01bSTG1 gone in 2025-26, a blank start
    # fails here too (inferred from unreleased peer work, not checked against DfE's text,
    # whose message speaks only of a date that is "not a valid date"). The message's double
    # full stop is DfE's.
    return ctx.table("SWEpisodes").filter(pl.col("SW_DECOM").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped starts are flagged",
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
        tables={
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "01/05/2025"],
                ["5", "29/02/2024"],
            )
        },
    ),
]
