"""Rule 445: legal status D1 (freeing order) on an episode starting after December 2005."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# Freeing orders were replaced by placement orders (Adoption and Children Act 2002) at the
# end of 2005; DfE's cut-off is the month.
LAST_FREEING_ORDER_START = dt.date(2005, 12, 31)


@rule(
    code="445",
    message="D1 is not a valid code for episodes starting after December 2005.",
    tables=["Episodes"],
    fields=["LS", "DECOM"],
    tags=["codes", "dates"],
)
def freeing_order_after_2005(ctx: RuleContext) -> pl.LazyFrame:
    """An episode under a freeing order (legal status D1) starts after December 2005.

    Freeing orders were replaced by placement orders at the end of 2005: check the episode's start
    date (DECOM) and legal status, and use E1 (placement order) if that is the order that was made.
    """
    freeing = pl.col("LS").is_in(ctx.codes("LS_FREEING_ORDER"))
    # A blank or unreadable DECOM is left to rule 141.
    return ctx.table("Episodes").filter(freeing & (pl.col("DECOM") > LAST_FREEING_ORDER_START))


CASES = [
    Case(
        "D1 from 1 January 2006 is flagged; on or before 31 December 2005 it is not",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DECOM"],
                ["1", "D1", "31/12/2005"],
                ["2", "D1", "01/01/2006"],
                ["5", "D1", "30/12/2005"],
                ["6", "D1", "02/01/2006"],
                ["9", "D1", "01/05/2023"],
            ),
        },
        flagged={"Episodes": [1, 3, 4]},
    ),
    Case(
        "a placement order (E1) is not flagged at any date",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DECOM"], ["3", "E1", "01/01/2006"], ["10", "E1", "01/05/2023"]
            ),
        },
    ),
    Case(
        "D1 with a blank or unreadable DECOM is left to rule 141",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DECOM"],
                ["4", "D1", ""],
                ["7", "D1", "31/02/2006"],
                ["8", "D1", "2006-01-01"],
            ),
        },
    ),
]
