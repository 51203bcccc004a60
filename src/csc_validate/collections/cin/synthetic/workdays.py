"""Working-day arithmetic for the generator, on the same England calendar the rules use."""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left
from functools import cache

from csc_validate.rulekit.workdays import england_bank_holidays

DAY = dt.timedelta(days=1)


@cache
def _holidays() -> frozenset[dt.date]:
    return frozenset(england_bank_holidays())


def is_workday(day: dt.date) -> bool:
    """Monday to Friday and not an England bank holiday: the calendar the rules count with."""
    return day.weekday() < 5 and day not in _holidays()


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
