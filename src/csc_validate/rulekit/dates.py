"""Date arithmetic rules share: ages in completed years, and dates a number of years on or back."""

import datetime as dt

import polars as pl

DateLike = pl.Expr | dt.date


def _expr(value: DateLike) -> pl.Expr:
    return pl.lit(value, dtype=pl.Date) if isinstance(value, dt.date) else value


def age_on(dob: pl.Expr, day: DateLike) -> pl.Expr:
    """Age in completed years on `day`: a child born on 29 February turns one on 1 March."""
    on = _expr(day)
    before_birthday = (on.dt.month() < dob.dt.month()) | (
        (on.dt.month() == dob.dt.month()) & (on.dt.day() < dob.dt.day())
    )
    return on.dt.year() - dob.dt.year() - before_birthday.cast(pl.Int32)


def birthday(dob: pl.Expr, years: int) -> pl.Expr:
    """The date of the child's `years`-th birthday; in a year without 29 February a child born
    on 29 February has it on 1 March, as `age_on` counts."""
    anniversary = dob.dt.offset_by(f"{years}y")
    # NOTE: offset_by lands on 28 February; the law of England and Wales (Family Law Reform Act
    # 1969 s.9, "the anniversary of the date of birth") is read as 1 March, as age_on reads it.
    leapling_in_common_year = (
        (dob.dt.month() == 2) & (dob.dt.day() == 29) & (anniversary.dt.day() == 28)
    )
    return (
        pl.when(leapling_in_common_year).then(anniversary.dt.offset_by("1d")).otherwise(anniversary)
    )


def days_between(start: pl.Expr, end: DateLike) -> pl.Expr:
    """Whole days from `start` to `end` (negative when `end` is earlier)."""
    return (_expr(end) - start).dt.total_days()


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` years earlier; 29 February in a year without it is 28 February, so a
    child born on or before the date is `years` or older on `day`, as `age_on` counts."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February, and the earlier year is a common year
        return day.replace(year=day.year - years, day=28)
