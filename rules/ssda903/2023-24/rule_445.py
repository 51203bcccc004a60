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
    """An episode under a freeing order (LS D1) starts on or before 31 December 2005.

    Why: a blank or unreadable DECOM is left to rule 141.
    """
    freeing = pl.col("LS").is_in(ctx.codes("LS_FREEING_ORDER"))
    return ctx.table("Episodes").filter(freeing & (pl.col("DECOM") > LAST_FREEING_ORDER_START))


CASES = [
    Case(
        "D1 from 1 January 2006 is flagged; 31 December 2005 is not",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DECOM"],
                ["1", "D1", "31/12/2005"],
                ["2", "D1", "01/01/2006"],
                ["3", "E1", "01/01/2006"],
                ["4", "D1", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
