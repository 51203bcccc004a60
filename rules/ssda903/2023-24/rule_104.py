"""Rule 104: date UASC status ceased is not a date, or is before the collection year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table, unreadable


@rule(
    code="104",
    message=(
        "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date."
    ),
    tables=["UASC"],
    fields=["DUC"],
    tags=["dates", "uasc"],
)
def uasc_end_date_unreadable_or_before_year(ctx: RuleContext) -> pl.LazyFrame:
    """The date UASC status ceased (DUC) is not a real date or is before the collection year.

    Enter the date the child stopped being an unaccompanied asylum-seeking child, as dd/mm/yyyy, on
    or after 1 April of the collection year; leave it blank if the status has not ended.
    """
    # NOTE: DfE's coding (as carried by the peer validator) also rejects a ceased date before 1
    # April of the collection year: the return records UASC status ending in the year. A blank DUC
    # (status not ceased) is not flagged.
    return ctx.table("UASC").filter(unreadable("DUC") | (pl.col("DUC") < ctx.start))


CASES = [
    Case(
        "a DUC on 31 March before the year, or earlier, or unreadable is flagged",
        tables={
            "UASC": table(
                ["CHILD", "DUC"],
                ["3", "31/03/2023"],
                ["4", "31/02/2024"],
                ["5", "1/5/2023"],
                ["8", "01/01/2020"],
            )
        },
        flagged={"UASC": [0, 1, 2, 3]},
        period="2023-24",
    ),
    Case(
        "a DUC on 1 April or later in the year, or blank, is not flagged",
        tables={
            "UASC": table(
                ["CHILD", "DUC"],
                ["1", "31/03/2024"],
                ["2", "01/04/2023"],
                ["6", ""],
                ["7", "02/04/2023"],
            )
        },
        flagged={},
        period="2023-24",
    ),
]
