"""Rule 147: episode end date is not a date."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="147",
    message="Date episode ceased is not a valid date.",
    tables=["Episodes"],
    fields=["DEC"],
    tags=["dates", "episodes"],
)
def episode_end_unreadable(ctx: RuleContext) -> pl.LazyFrame:
    """An episode's end date (DEC) is not a real date.

    Correct the end date as dd/mm/yyyy; leave it blank only if the episode is still open at 31
    March.
    """
    # A blank DEC means the episode is still open at 31 March, so only text that is not a date is
    # flagged.
    return ctx.table("Episodes").filter(unreadable("DEC"))


CASES = [
    Case(
        "impossible and wrongly shaped end dates are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["2", "01/05/2023", "31/06/2023"],
                ["3", "01/05/2023", "31-05-2023"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "a real end date, the last day of a month included, and an open episode are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC"],
                ["1", "01/05/2023", "31/05/2023"],
                ["5", "01/05/2023", "30/06/2023"],
                ["4", "01/05/2023", ""],
            )
        },
        flagged={},
    ),
]
