"""Rule 304: UASC status ceased after the child's 18th birthday."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, birthday, rule, table


@rule(
    code="304",
    message=(
        "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the "
        "18th birthday of a child."
    ),
    tables=["UASC"],
    fields=["DUC"],
    tags=["uasc", "dates"],
)
def uasc_ceased_after_eighteenth_birthday(ctx: RuleContext) -> pl.LazyFrame:
    """The date UASC status ceased is after the child's 18th birthday.

    UASC status ends at 18 at the latest: check the child's date of birth and the date UASC ceased.
    """
    # The DOB is the one in the UASC table. Blank or unreadable dates are left to rules 102 and 104.
    return ctx.table("UASC").filter(pl.col("DUC") > birthday(pl.col("DOB"), 18))


CASES = [
    Case(
        "UASC ceasing the day after the 18th birthday is flagged",
        tables={
            "UASC": table(["CHILD", "DOB", "DUC"], ["2", "10/06/2007", "11/06/2025"]),
        },
        flagged={"UASC": [0]},
    ),
    Case(
        "UASC ceasing on or before the 18th birthday is not flagged",
        tables={
            "UASC": table(
                ["CHILD", "DOB", "DUC"],
                ["1", "10/06/2007", "10/06/2025"],
                ["3", "10/06/2007", "09/06/2025"],
            )
        },
        flagged={},
    ),
    Case(
        "a blank or unreadable date of birth or cessation is not compared",
        tables={
            "UASC": table(
                ["CHILD", "DOB", "DUC"],
                ["4", "", "11/06/2025"],
                ["5", "10/06/2007", ""],
                ["6", "31/02/2007", "11/06/2025"],
                ["7", "10/06/2007", "31/06/2025"],
            )
        },
        flagged={},
    ),
]
