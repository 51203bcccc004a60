"""When CIN plans and child protection plans are open, for the rules that compare them.

A plan is open from its start date. A blank end date means the plan is still open, and it then
runs to the census reference date (31 March). An unreadable end date leaves the end unknown, so
such a plan is not compared (csc-validate's CSC001 reports the date itself).

Rules 4003, 4016 and 4017 follow DfE's step-up and step-down: a child protection plan may start on
the day a CIN plan ends, and a CIN plan on the day a child protection plan ends, so a plan counts as
closed on its end date ("hand over on the end date"). Rule 4014, on two CIN plans, has no such
exception: there a plan is open on its end date too.
"""

import polars as pl

from csc_validate.rulekit import RuleContext, unreadable

PLAN_ROW = "_plan_row"
_OPEN_FROM = "_open_from"
_OPEN_TO = "_open_to"


def no_end_date(end: str) -> pl.Expr:
    """True where the end date is blank (the plan is still open); false where it is filled in,
    readable or not."""
    return pl.col(end).is_null() & ~unreadable(end)


# Equivalent mutant (ReplaceBinaryOperator_Mul_Div): `/` for the bare `*` makes the flag
# positional-or-keyword, and every caller passes it by keyword.
def last_day_open(end: str, ctx: RuleContext, *, hand_over_on_end_date: bool) -> pl.Expr:
    """The last day a plan is open: the reference date when it has no end date, else its end
    date, or the day before it when the end date is the day the next plan takes over. Null when
    the end date is unreadable."""
    ended = pl.col(end) - pl.duration(days=1) if hand_over_on_end_date else pl.col(end)
    return pl.when(no_end_date(end)).then(pl.lit(ctx.end, dtype=pl.Date)).otherwise(ended)


def days_in_open_plans(
    dated: pl.LazyFrame,
    day: str,
    plans: pl.LazyFrame,
    dates: tuple[str, str],
    ctx: RuleContext,
    *,
    on: list[str],
    hand_over_on_end_date: bool,
) -> pl.LazyFrame:
    """Each row of `dated` whose `day` falls while a plan of the same child or episode (matched
    `on`) is open, once per such plan: the row's columns plus the plan's `_plan_row`.

    `dates` names the plans' start and end date columns. Rows with a blank or unreadable day,
    plans with a blank or unreadable start and plans with an unreadable end are left out.
    """
    start, end = dates
    periods = plans.select(
        *on,
        pl.col("_row").alias(PLAN_ROW),
        pl.col(start).alias(_OPEN_FROM),
        last_day_open(end, ctx, hand_over_on_end_date=hand_over_on_end_date).alias(_OPEN_TO),
    )
    return (
        # Equivalent mutant (ReplaceKeywordValue): a left join leaves an unmatched row null open
        # dates, and is_between on nulls is null, which the filter drops as the inner join does.
        dated.join(periods, on=on, how="inner")
        .filter(pl.col(day).is_between(pl.col(_OPEN_FROM), pl.col(_OPEN_TO), closed="both"))
        .drop(_OPEN_FROM, _OPEN_TO)
    )


__all__ = [
    "PLAN_ROW",
    "days_in_open_plans",
    "last_day_open",
    "no_end_date",
]
