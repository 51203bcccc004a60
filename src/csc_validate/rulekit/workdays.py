"""Working days in England: Monday to Friday, except England's bank holidays."""

import datetime as dt
import functools
from typing import Literal, overload

import polars as pl

DateLike = pl.Expr | dt.date

# Wide enough for any date a return can hold that a rule counts working days from; outside it
# polars would quietly count every weekday as a working day.
_FIRST_YEAR, _LAST_YEAR = 1990, 2050


@functools.cache
def england_bank_holidays() -> tuple[dt.date, ...]:
    """England's bank holidays from 1990 to 2050, substitute days and one-off holidays included.

    The calendar is the `holidays` package's (GB, subdivision ENG): one-off holidays such as the
    2022 state funeral appear once the package knows of them, so keep the package up to date.
    """
    import holidays  # only when a rule counts working days: it is slow to import

    # A tuple, not a list: the cached value is shared by every caller, so it must not change.
    calendar = holidays.country_holidays(
        "GB", subdiv="ENG", years=range(_FIRST_YEAR, _LAST_YEAR + 1)
    )
    return tuple(sorted(calendar))


@overload
def is_working_day(day: pl.Expr) -> pl.Expr: ...
@overload
def is_working_day(day: dt.date) -> bool: ...
def is_working_day(day: DateLike) -> pl.Expr | bool:
    """True when `day` is Monday to Friday and not an England bank holiday (null stays null)."""
    expr = _expr(day).dt.is_business_day(holidays=england_bank_holidays())
    return expr if isinstance(day, pl.Expr) else pl.select(expr).item()


@overload
def working_days_before(day: pl.Expr, n: int) -> pl.Expr: ...
@overload
def working_days_before(day: dt.date, n: int) -> dt.date: ...
def working_days_before(day: DateLike, n: int) -> DateLike:
    """The n-th working day counting back from `day`, not counting `day` itself.

    A working day is Monday to Friday and not an England bank holiday. `day` need not be a
    working day: the count starts from the working day just before it either way. One working
    day before Monday 1 April 2024 (Easter Monday) is Thursday 28 March 2024, because Friday 29
    March is Good Friday and 30 and 31 March are a weekend; one working day before Tuesday
    2 April 2024 is also Thursday 28 March. A date D is "before n working days prior to X" when
    D < working_days_before(X, n). A column gives a column (null stays null); a date gives a date.
    """
    _check_positive(n)
    # Rolling a non-working day forward first adds no working day between it and the one rolled
    # to, so stepping back n from there lands on the n-th working day strictly before `day`.
    return _shift(day, -n, roll="forward")


@overload
def working_days_after(day: pl.Expr, n: int) -> pl.Expr: ...
@overload
def working_days_after(day: dt.date, n: int) -> dt.date: ...
def working_days_after(day: DateLike, n: int) -> DateLike:
    """The n-th working day counting on from `day`, not counting `day` itself.

    A working day is Monday to Friday and not an England bank holiday. `day` need not be a
    working day: one working day after Thursday 28 March 2024 is Tuesday 2 April 2024 (Good
    Friday, a weekend and Easter Monday come between), and so is one working day after Saturday
    30 March 2024. A column gives a column (null stays null); a date gives a date.
    """
    _check_positive(n)
    # The mirror of working_days_before: roll back, then step forward.
    return _shift(day, n, roll="backward")


@overload
def working_days_between(start: pl.Expr, end: DateLike) -> pl.Expr: ...
@overload
def working_days_between(start: DateLike, end: pl.Expr) -> pl.Expr: ...
@overload
def working_days_between(start: dt.date, end: dt.date) -> int: ...
def working_days_between(start: DateLike, end: DateLike) -> pl.Expr | int:
    """The number of working days from `start` up to `end`: `start` counts, `end` does not.

    A working day is Monday to Friday and not an England bank holiday; `start` counts only if it
    is one. From Thursday 28 March 2024 to Tuesday 2 April 2024 is 1 working day (28 March
    itself), and from Monday 1 April 2024 (Easter Monday) to Tuesday 2 April 2024 is 0. When `end`
    is earlier the count is negative and still takes in `start` but not `end`: from 2 April 2024
    back to 1 April 2024 is -1. With this count, D <= working_days_before(X, n) exactly when
    working_days_between(D, X) >= n. Either argument may be a column (giving a column, null where
    either is null) or a date (two dates give an int).
    """
    count = pl.business_day_count(_expr(start), _expr(end), holidays=england_bank_holidays())
    if isinstance(start, pl.Expr) or isinstance(end, pl.Expr):
        return count
    return pl.select(count).item()


def _expr(value: DateLike) -> pl.Expr:
    return value if isinstance(value, pl.Expr) else pl.lit(value, dtype=pl.Date)


def _shift(day: DateLike, n: int, roll: Literal["forward", "backward"]) -> DateLike:
    shifted = _expr(day).dt.add_business_days(n, holidays=england_bank_holidays(), roll=roll)
    return shifted if isinstance(day, pl.Expr) else pl.select(shifted).item()


def _check_positive(n: int) -> None:
    if n < 1:
        raise ValueError(f"the number of working days must be at least 1, got {n}")
