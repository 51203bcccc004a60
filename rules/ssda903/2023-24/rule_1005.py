"""Rule 1005: end of a missing or away-from-placement episode is not a valid date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="1005",
    message=(
        "The end date of the missing episode or episode that the child was away from placement "
        "without authorisation is not a valid date."
    ),
    tables=["Missing"],
    fields=["MIS_END"],
    tags=["dates", "missing"],
)
def missing_end_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """The end date of a missing or away-from-placement episode is not a real date.

    Correct the date the child returned, as dd/mm/yyyy; leave it blank only if the child is still
    missing or away.
    """
    # A blank end date means the child is still missing or away, so it is not flagged.
    return ctx.table("Missing").filter(unreadable("MIS_END"))


CASES = [
    Case(
        "impossible and wrongly shaped end dates are flagged",
        tables={
            "Missing": table(
                ["CHILD", "MIS_END"],
                ["3", "31/04/2024"],
                ["4", "1/5/2024"],
                ["6", "29/02/2023"],
            )
        },
        flagged={"Missing": [0, 1, 2]},
    ),
    Case(
        "a blank end (still missing) and real dates are not flagged",
        tables={
            "Missing": table(
                ["CHILD", "MIS_END"],
                ["1", "01/05/2024"],
                ["2", ""],
                ["5", "29/02/2024"],
                ["5", "30/04/2024"],
            )
        },
    ),
]
