"""Rule 708: a DoLO starts before the child was born."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="708",
    message="Dates of DoLOs are before child’s date of birth.",
    tables=["DoLo"],
    fields=["DOLO_START"],
    tags=["dolo", "dates"],
)
def dolo_starts_before_birth(ctx: RuleContext) -> pl.LazyFrame:
    """A deprivation of liberty order (DoLO) starts on or before the child's date of birth.

    Check the child's date of birth and the order's start date, and correct whichever was mistyped.
    """
    # Provisional: DfE's own 2026-27 text could not be found; what follows is DfE's coding as
    # the peer quotes it.
    # NOTE: DfE's coding asks for DOLO_START to be later than DOB, so a start on the birthday is
    # flagged too. The date of birth compared is the one given in the DoLo table. Blank or
    # unreadable dates are not compared.
    return ctx.table("DoLo").filter(pl.col("DOLO_START") <= pl.col("DOB"))


CASES = [
    Case(
        "starts before and on the date of birth are flagged",
        tables={
            "DoLo": table(
                ["CHILD", "DOB", "DOLO_START"],
                ["1", "10/05/2012", "09/05/2012"],
                ["2", "10/05/2012", "10/05/2012"],
                ["3", "10/05/2012", "11/05/2026"],
                ["4", "", "11/05/2026"],
                ["5", "10/05/2012", ""],
            )
        },
        flagged={"DoLo": [0, 1]},
    ),
    Case(
        "a start the day after birth is fine; unreadable dates are not compared",
        tables={
            "DoLo": table(
                ["CHILD", "DOB", "DOLO_START"],
                ["1", "10/05/2012", "11/05/2012"],
                ["1", "10/05/2012", "01/01/2010"],
                ["2", "31/02/2012", "11/05/2010"],
                ["3", "10/05/2012", "2012-05-09"],
                ["4", "2012-05-10", "09/05/2012"],
            )
        },
        flagged={"DoLo": [1]},
    ),
]
