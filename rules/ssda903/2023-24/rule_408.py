"""Rule 408: placed for adoption under a placement order without legal status E1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="408",
    message=(
        "Child is placed for adoption with a placement order, but no placement order has been "
        "recorded."
    ),
    tables=["Episodes"],
    fields=["PLACE", "LS"],
    tags=["codes", "adoption"],
)
def adoption_placement_without_placement_order(ctx: RuleContext) -> pl.LazyFrame:
    """A child placed for adoption with a placement order (A5 or A6) has no legal status E1.

    Placement types A5 and A6 say a placement order was made: record the legal status as E1
    (placement order), or correct the placement type if there was no order.
    """
    # A5 and A6 say a placement order was made, and E1 is the legal status that records it. A blank
    # LS is flagged: no placement order is recorded.
    with_order = pl.col("PLACE").is_in(ctx.codes("PLACE_ADOPTION_PLACEMENT_ORDER"))
    order_recorded = pl.col("LS").is_in(ctx.codes("LS_PLACEMENT_ORDER")).fill_null(False)
    return ctx.table("Episodes").filter(with_order & ~order_recorded)


CASES = [
    Case(
        "A5 or A6 under another or a blank legal status is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS"],
                ["2", "A6", "C2"],
                ["3", "A5", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "A5 under E1, or another or blank placement, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "PLACE", "LS"],
                ["1", "A5", "E1"],
                ["4", "A3", "C2"],
                ["5", "", "C2"],
            )
        },
        flagged={},
    ),
]
