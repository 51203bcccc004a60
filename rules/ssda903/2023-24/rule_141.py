"""Rule 141: episode start date is missing or not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="141",
    message="Date episode began is not a valid date.",
    tables=["Episodes"],
    fields=["DECOM"],
    tags=["dates", "episodes"],
)
def episode_start_missing_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's start date (DECOM) is blank or not a real date.

    Enter the date the episode started, as dd/mm/yyyy.
    """
    # An episode cannot exist without its start date (DECOM keys the record), so a blank is not a
    # valid date either; the same reading as rule 102 for the date of birth.
    return ctx.table("Episodes").filter(pl.col("DECOM").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped start dates are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["2", "30/02/2024"],
                ["3", "2024-02-01"],
                ["4", ""],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "real start dates, a leap day included, are not flagged",
        tables={"Episodes": table(["CHILD", "DECOM"], ["1", "29/02/2024"], ["5", "01/04/2023"])},
        flagged={},
    ),
]
