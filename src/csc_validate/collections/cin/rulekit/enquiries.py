"""Section 47 enquiries and initial child protection conferences: tests several CIN rules share."""

import polars as pl

from csc_validate.collections.cin.rulekit import yes
from csc_validate.rulekit import RuleContext, unreadable


def recorded(column: str) -> pl.Expr:
    """True where the cell holds anything, a readable date or not: the item was recorded."""
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): unreadable() requires the typed
    # value to be null, so the two sides are never true together and `^` equals `|`.
    return pl.col(column).is_not_null() | unreadable(column)


def conference_pending(ctx: RuleContext) -> pl.Expr:
    """True for a Section47 row whose initial child protection conference is still to come: no
    DateOfInitialCPC and ICPCnotRequired not true.

    A blank ICPCnotRequired is "not true": the enquiry was not closed without a conference. An
    unreadable conference date is a date that was recorded, so the enquiry is not pending (CSC001
    reports the date itself).
    """
    return ~recorded("DateOfInitialCPC") & ~yes("ICPCnotRequired", ctx)


__all__ = ["conference_pending", "recorded"]
