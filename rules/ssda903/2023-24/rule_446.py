"""Rule 446: legal status E1 (placement order) on an episode starting before December 2005."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# Placement orders began with the Adoption and Children Act 2002, in force December 2005.
FIRST_PLACEMENT_ORDER_START = dt.date(2005, 12, 1)


@rule(
    code="446",
    message="E1 is not a valid code for episodes starting before December 2005.",
    tables=["Episodes"],
    fields=["LS", "DECOM"],
    tags=["codes", "dates"],
)
def placement_order_before_december_2005(ctx: RuleContext) -> pl.LazyFrame:
    """An episode under a placement order (legal status E1) starts before 1 December 2005.

    Placement orders began in December 2005: check the episode's start date (DECOM) and legal
    status, and correct whichever is wrong.
    """
    order = pl.col("LS").is_in(ctx.codes("LS_PLACEMENT_ORDER"))
    # A blank or unreadable DECOM is left to rule 141.
    return ctx.table("Episodes").filter(order & (pl.col("DECOM") < FIRST_PLACEMENT_ORDER_START))


CASES = [
    Case(
        "E1 before 1 December 2005 is flagged; on or after it is not",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DECOM"],
                ["1", "E1", "30/11/2005"],
                ["2", "E1", "01/12/2005"],
                ["5", "E1", "29/11/2005"],
                ["6", "E1", "02/12/2005"],
                ["9", "E1", "01/05/1999"],
                ["10", "E1", "01/05/2023"],
            ),
        },
        flagged={"Episodes": [0, 2, 4]},
    ),
    Case(
        "a freeing order (D1) is not flagged at any date",
        tables={
            "Episodes": table(["CHILD", "LS", "DECOM"], ["3", "D1", "30/11/2005"]),
        },
    ),
    Case(
        "E1 with a blank or unreadable DECOM is left to rule 141",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "DECOM"],
                ["4", "E1", ""],
                ["7", "E1", "31/11/2005"],
                ["8", "E1", "2005-11-30"],
            ),
        },
    ),
]
