"""Orders for adoption beside the decisions to place for adoption (rules 553 to 556).

DfE checks placement orders (E1) and, until 2023-24, freeing orders (D1) in the same two ways;
each rule passes its own legal statuses.
"""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.episodes import in_order, periods_of_care
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE


def orders_without_decision(ctx: RuleContext, statuses: list[str]) -> dict[str, pl.LazyFrame]:
    """Order episodes of a child with no dated decision to place for adoption, and, while an
    order is open, the child's decisions when every one of them has ceased.

    No PlacedAdoption file means no decisions.
    """
    decisions = ctx.table_or_empty("PlacedAdoption").filter(
        pl.col(raw_name("DATE_PLACED")).is_not_null()
    )
    in_force = decisions.filter(
        pl.col(raw_name("DATE_PLACED_CEASED")).is_null() & pl.col("REASON_PLACED_CEASED").is_null()
    )
    orders = ctx.table("Episodes").filter(pl.col("LS").is_in(statuses))
    without_decision = orders.join(decisions.select("CHILD").unique(), on="CHILD", how="anti")
    open_orders = orders.filter(pl.col("DEC").is_null() & pl.col(raw_name("DEC")).is_null())
    lapsed = (
        open_orders.select("CHILD")
        .unique()
        .join(in_force.select("CHILD").unique(), on="CHILD", how="anti")
    )
    # A lapsed decision names the open order episodes it was compared with; an order episode with
    # no decision at all has nothing to name.
    return {
        "Episodes": without_decision,
        "PlacedAdoption": beside(
            decisions.join(lapsed, on="CHILD", how="semi"), open_orders, "Episodes"
        ),
    }


def decisions_after_order(ctx: RuleContext, statuses: list[str]) -> dict[str, pl.LazyFrame]:
    """The first order episode of each period of care, and the decisions dated after it.

    Decisions compared are those after that episode's DECOM but within its period of care (a
    later decision belongs to a later period). Blank dates are not compared.
    """
    periods = periods_of_care(ctx)
    first_orders = (
        periods.filter(pl.col("LS").is_in(statuses))
        # An episode with a blank DECOM is always alone in its period of care
        # (with_periods_of_care sorts it last and starts a new period at it), so where blanks
        # sort within a period is moot.
        .sort(in_order("DECOM", "DEC"))
        .group_by(child_of_row(), "period")
        .first()
    )
    decisions = ctx.table("PlacedAdoption").select(
        pl.col("_row").alias("_decision_row"), "CHILD", "DATE_PLACED"
    )
    # Equivalent mutant (ReplaceKeywordValue): a left join only adds order rows with a null
    # DATE_PLACED, and the filter's `DATE_PLACED > DECOM` is then null, so it drops them.
    late = first_orders.join(decisions, on="CHILD", how="inner").filter(
        (pl.col("DATE_PLACED") > pl.col("DECOM"))
        & (pl.col("period_end").is_null() | (pl.col("DATE_PLACED") <= pl.col("period_end")))
    )
    # The order episode and each decision dated after it name each other.
    return {
        "Episodes": late.select(
            "_row",
            pl.col("_decision_row").alias(RELATED_ROW),
            pl.lit("PlacedAdoption").alias(RELATED_TABLE),
        ),
        "PlacedAdoption": late.select(
            pl.col("_decision_row").alias("_row"),
            pl.col("_row").alias(RELATED_ROW),
            pl.lit("Episodes").alias(RELATED_TABLE),
        ),
    }
