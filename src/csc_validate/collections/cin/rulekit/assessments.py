"""Assessments and their factors: which assessments are open, and which carry which factors.

An assessment is completed when it has an AssessmentAuthorisationDate. Rules 8614, 8670Q, 8736,
8863Q, 8873Q and 8896 share one reading of "not completed": the date is blank. A date that is
written but cannot be read is still a completion date, only a bad one; these rules leave such an
assessment alone and csc-validate's CSC001 reports the date.

Factors are rows of AssessmentFactorsList, one per code, keyed by the assessment they belong to.
A factor row with a blank code holds no factor.
"""

import polars as pl

from csc_validate.collections.cin.rulekit import ASSESSMENT
from csc_validate.rulekit import RuleContext, unreadable

AUTHORISED = "AssessmentAuthorisationDate"
STARTED = "AssessmentActualStartDate"
FACTOR = "AssessmentFactors"


def open_assessment() -> pl.Expr:
    """True where the assessment has no authorisation date at all (blank, not unreadable)."""
    return pl.col(AUTHORISED).is_null() & ~unreadable(AUTHORISED)


def assessment_runs_until(ctx: RuleContext) -> pl.Expr:
    """The last day the assessment covers: its authorisation date, or the census reference date
    (31 March) while it is open; null when the date is unreadable, so its span is unknown."""
    return pl.when(open_assessment()).then(pl.lit(ctx.end, dtype=pl.Date)).otherwise(AUTHORISED)


def assessments_with_factors(ctx: RuleContext, codes: list[str] | None = None) -> pl.LazyFrame:
    """The keys (ASSESSMENT) of every assessment with at least one factor filled in, or with at
    least one of `codes` when given; each key once, for semi and anti joins."""
    present = pl.col(FACTOR).is_not_null()
    wanted = present if codes is None else present & pl.col(FACTOR).is_in(codes)
    return ctx.table("AssessmentFactorsList").filter(wanted).select(ASSESSMENT).unique()


def factors_coded(ctx: RuleContext, codes: list[str]) -> pl.LazyFrame:
    """The factor rows whose code is one of `codes`."""
    return ctx.table("AssessmentFactorsList").filter(pl.col(FACTOR).is_in(codes))


__all__ = [
    "AUTHORISED",
    "FACTOR",
    "STARTED",
    "assessment_runs_until",
    "assessments_with_factors",
    "factors_coded",
    "open_assessment",
]
