"""Rule 1004: start of a missing or away-from-placement episode is not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1004",
    message=(
        "The start date of the missing episode or episode that the child was away from "
        "placement without authorisation is not a valid date."
    ),
    tables=["Missing"],
    fields=["MIS_START"],
    tags=["dates", "missing"],
)
def missing_start_blank_or_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The start date of a missing or away-from-placement episode is blank or not a real date.

    Enter the date the child went missing or away from placement, as dd/mm/yyyy.
    """
    # The start date is required, so a blank is as invalid as an impossible date (31/02/2025): both
    # are null once cast.
    return ctx.table("Missing").filter(pl.col("MIS_START").is_null())


CASES = [
    Case(
        "blank, impossible and wrongly shaped start dates are flagged",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["2", ""],
                ["3", "31/04/2024"],
                ["4", "2024-05-01"],
            )
        },
        flagged={"Missing": [0, 1, 2]},
    ),
    Case(
        "real dates are not flagged, 29 February of a leap year included",
        tables={
            "Missing": table(
                ["CHILD", "MIS_START"],
                ["1", "01/05/2024"],
                ["5", "29/02/2024"],
                ["5", "30/04/2024"],
            )
        },
    ),
]
