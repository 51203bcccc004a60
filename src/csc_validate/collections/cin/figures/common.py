"""What the CIN figures share: NFA referrals, working days as DfE counts them, characteristics."""

import polars as pl

from csc_validate.rulekit.dates import age_on
from csc_validate.rulekit.workdays import working_days_between
from csc_validate.summary.figure import Breakdown, FigureContext

TRUE_VALUES = ["true", "1"]
AGE_BANDS = ("under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "unborn")
AGE = Breakdown("age", "AGE_BAND", order=AGE_BANDS)
SEX = Breakdown("sex", "Sex")
NEED = Breakdown("primary need", "PrimaryNeedCode")


def nfa() -> pl.Expr:
    """ReferralNFA true (true or 1, rule 8568)."""
    return pl.col("ReferralNFA").str.to_lowercase().is_in(TRUE_VALUES).fill_null(False)


def working_days(start: str, end: str) -> pl.Expr:
    """Working days from `start` to `end` as DfE's bands count them: the start day is not
    counted and the end day is, so the same day is 0 (figures.md §1.3)."""
    return working_days_between(pl.col(start).dt.offset_by("1d"), pl.col(end).dt.offset_by("1d"))


def with_child(ctx: FigureContext, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with the child's Sex and AGE_BAND on the period's end (unborn children apart)."""
    children = ctx.table("ChildIdentifiers").unique("LAchildID", keep="first", maintain_order=True)
    age = age_on(pl.col("PersonBirthDate"), ctx.end)
    banded = children.select(
        "LAchildID",
        "Sex",
        AGE_BAND=pl.when(pl.col("PersonBirthDate").is_null())
        .then(pl.when(pl.col("ExpectedPersonBirthDate").is_not_null()).then(pl.lit("unborn")))
        .when(age < 1)
        .then(pl.lit("under 1"))
        .when(age <= 4)
        .then(pl.lit("1 to 4"))
        .when(age <= 9)
        .then(pl.lit("5 to 9"))
        .when(age <= 15)
        .then(pl.lit("10 to 15"))
        .otherwise(pl.lit("16 and over")),
    )
    return frame.join(banded, on="LAchildID", how="left")


DURATION_BANDS = (
    "3 months or less",
    "over 3 to 6 months",
    "over 6 months to under 1 year",
    "1 to under 2 years",
    "2 years or more",
)
DURATION = Breakdown("length", "DURATION_BAND", order=DURATION_BANDS)


def duration_band(start: str, end: str) -> pl.Expr:
    """DfE's bands for the length of an episode or plan (B5, D7), by calendar months and years
    from `start` to `end`; ending on the second anniversary is 2 years or more."""
    begun, ended = pl.col(start), pl.col(end)
    return (
        pl.when(begun.is_null() | ended.is_null())
        .then(None)
        .when(ended <= begun.dt.offset_by("3mo"))
        .then(pl.lit(DURATION_BANDS[0]))
        .when(ended <= begun.dt.offset_by("6mo"))
        .then(pl.lit(DURATION_BANDS[1]))
        .when(ended < begun.dt.offset_by("1y"))
        .then(pl.lit(DURATION_BANDS[2]))
        .when(ended < begun.dt.offset_by("2y"))
        .then(pl.lit(DURATION_BANDS[3]))
        .otherwise(pl.lit(DURATION_BANDS[4]))
    )
