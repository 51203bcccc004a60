"""Child protection plans as periods of time: which are open, and when each one ends.

Rules 8935 (more than one open plan) and 8940 (overlapping plans) share one reading of an open
plan: its CPPendDate is blank. An end date that is written but cannot be read is not "no end
date"; such a plan is neither open nor closed for these rules (CSC001 reports the date).
"""

import polars as pl

from csc_validate.rulekit import RuleContext, unreadable

END = "CPPendDate"


def open_plan() -> pl.Expr:
    """True where the plan has no end date at all (blank, not unreadable)."""
    return pl.col(END).is_null() & ~unreadable(END)


def plan_runs_until(ctx: RuleContext) -> pl.Expr:
    """The last day the plan covers: its end date, or the census reference date (31 March) while
    it is open; null when the end date is unreadable, so that the plan's span is unknown."""
    return pl.when(open_plan()).then(pl.lit(ctx.end, dtype=pl.Date)).otherwise(pl.col(END))


__all__ = ["open_plan", "plan_runs_until"]
