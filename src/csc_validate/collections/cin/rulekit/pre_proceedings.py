"""Pre-proceedings and FGDM records (module 5, 2026-27): what counts as reported, and dates.

Rules 8995Q to 9015Q read one PreProceedings row at a time. An item is reported when its cell
has text, even a date or number that cannot be read (CSC001 and CSC002 report those), so that
a record with a mistyped date is not also told that the date is missing. A date that is blank or
unreadable is not compared with anything: the filter drops the null the comparison gives.
"""

import polars as pl

from csc_validate.collections.cin.rulekit import in_census_year
from csc_validate.rulekit import RuleContext, raw_name

TABLE = "PreProceedings"
# The ten items of a PreProceedingsandFGDM element, in the order of the XML.
ITEMS = (
    "PPStartDate",
    "LBPSentDate",
    "FGDMMeetingOffer",
    "FGDMMeetingFac",
    "InitialPPMeetingDate",
    "ReviewMeetingsCount",
    "StepDecisionDate",
    "PPOutcome",
    "CourtAppDate",
    "LetterInitCPDate",
)
# Dates and numbers keep their source text beside the typed value; codes are text already.
_CAST = {
    "PPStartDate",
    "LBPSentDate",
    "InitialPPMeetingDate",
    "ReviewMeetingsCount",
    "StepDecisionDate",
    "CourtAppDate",
    "LetterInitCPDate",
}


def reported(item: str) -> pl.Expr:
    """True where the item's cell has text, readable or not; false where it is blank."""
    return pl.col(raw_name(item) if item in _CAST else item).is_not_null()


def any_item_reported() -> pl.Expr:
    """True where a record holds at least one of its ten items, not just the child and episode."""
    return pl.any_horizontal(*(reported(item) for item in ITEMS))


def outside_reporting_year(date: str, ctx: RuleContext) -> pl.Expr:
    """True where the date falls before 1 April or after 31 March of the census year; null when
    the date is blank or unreadable."""
    return ~in_census_year(date, ctx)


def earlier_than(date: str, other: str) -> pl.Expr:
    """True where `date` is before `other`, the same day being fine; false when either is blank
    or unreadable, since then the order is unknown."""
    return (pl.col(date) < pl.col(other)).fill_null(False)


__all__ = [
    "ITEMS",
    "TABLE",
    "any_item_reported",
    "earlier_than",
    "outside_reporting_year",
    "reported",
]
