"""What the CIN episode rules mean by a closed episode, an open one, and further action.

An episode is closed when its CINdetails row has a closure date written, even one that cannot be
read as a date (CSC001 reports that); it is open when the closure date is blank. A referral led
to further action when ReferralNFA says no (`false` or `0`); a blank ReferralNFA is neither (rule
8568 reports it).
"""

import polars as pl

from csc_validate.collections.cin.rulekit import no
from csc_validate.rulekit import RuleContext, raw_name

CLOSURE = "CINclosureDate"


def closure_recorded() -> pl.Expr:
    """True where a CINdetails row has a closure date written, readable or not."""
    return pl.col(raw_name(CLOSURE)).is_not_null()


def is_open() -> pl.Expr:
    """True where a CINdetails row has no closure date written at all."""
    return pl.col(raw_name(CLOSURE)).is_null()


def open_with_further_action(ctx: RuleContext) -> pl.Expr:
    """True where an episode is open and its referral is not one with no further action
    (ReferralNFA `false` or `0`): DfE's "open CIN episode, not a referral with NFA"."""
    return is_open() & no("ReferralNFA", ctx)


__all__ = ["closure_recorded", "is_open", "open_with_further_action"]
