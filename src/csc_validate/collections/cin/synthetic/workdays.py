"""Working days in England and Wales: weekdays that are not bank holidays."""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left
from functools import cache

DAY = dt.timedelta(days=1)

# Bank holidays that were moved or added by proclamation, not by the usual pattern.
_MOVED = {
    2020: ({dt.date(2020, 5, 4)}, {dt.date(2020, 5, 8)}),  # VE Day
    2022: (
        {dt.date(2022, 5, 30)},
        {dt.date(2022, 6, 2), dt.date(2022, 6, 3), dt.date(2022, 9, 19)},  # Jubilee, funeral
    ),
    2023: (set(), {dt.date(2023, 5, 8)}),  # Coronation
}


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _monday_on_or_after(day: dt.date) -> dt.date:
    return day + ((7 - day.weekday()) % 7) * DAY


def _last_monday(year: int, month: int) -> dt.date:
    last = dt.date(year + month // 12, month % 12 + 1, 1) - DAY
    return last - last.weekday() * DAY


@cache
def bank_holidays(year: int) -> frozenset[dt.date]:
    """England and Wales bank holidays in a calendar year, with weekend substitutes."""
    easter = easter_sunday(year)
    days = {
        _monday_on_or_after(dt.date(year, 1, 1)),
        easter - 2 * DAY,
        easter + DAY,
        _monday_on_or_after(dt.date(year, 5, 1)),
        _last_monday(year, 5),
        _last_monday(year, 8),
    }
    christmas = dt.date(year, 12, 25)
    if christmas.weekday() < 4:  # Monday to Thursday: Boxing Day follows on a weekday
        days |= {christmas, christmas + DAY}
    elif christmas.weekday() == 4:  # Friday: Boxing Day falls on Saturday, moved to Monday
        days |= {christmas, christmas + 3 * DAY}
    else:  # Saturday or Sunday: both move to the Monday and Tuesday after
        days |= {dt.date(year, 12, 27), dt.date(year, 12, 28)}
    removed, added = _MOVED.get(year, (set(), set()))
    return frozenset((days - removed) | added)


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


class WorkCalendar:
    """Working-day arithmetic over a span of years, by index into the list of working days."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = first
        self.last = last
        span = (last - first).days + 1
        self._ordinal = first.toordinal()
        self._days = [first + n * DAY for n in range(span) if is_workday(first + n * DAY)]
        ordinals = [day.toordinal() for day in self._days]
        # For each calendar day: the index of the first working day on or after it.
        self._on_or_after = [bisect_left(ordinals, self._ordinal + n) for n in range(span)]

    def _index(self, day: dt.date) -> int:
        offset = day.toordinal() - self._ordinal
        if not 0 <= offset < len(self._on_or_after):
            raise ValueError(f"{day} is outside the calendar {self.first} to {self.last}")
        return self._on_or_after[offset]

    def on_or_after(self, day: dt.date) -> dt.date:
        return self._days[self._index(day)]

    def add(self, day: dt.date, count: int) -> dt.date:
        """`count` working days after `day` (from the next working day if `day` is not one)."""
        at = self._index(day)
        if count > 0 and self._days[at] != day:
            count -= 1
        return self._days[at + count]

    def subtract(self, day: dt.date, count: int) -> dt.date:
        """`count` working days before `day` (from the working day before it if it is not one)."""
        at = self._index(day)
        if self._days[at] != day:
            at -= 1
            count = max(count - 1, 0)
        return self._days[at - count]

    def between(self, rng: random.Random, low: dt.date, high: dt.date) -> dt.date | None:
        """A random working day in low..high, or None if there is none."""
        first = self._index(low)
        last = self._index(high + DAY) - 1
        if last < first:
            return None
        return self._days[rng.randint(first, last)]
