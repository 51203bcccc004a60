"""Collection years ("2025-26") and the reporting period each one covers."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Self

from pydantic import BaseModel, ConfigDict, model_validator

YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


class Period(BaseModel):
    """The days a check covers: from the collection year's first day to `end`.

    `end` is the year's last day, or an earlier as-at date for a year-to-date extract, so that a
    rule measuring ages, durations or "open at the end of the period" at `end` is judged as at
    that date. `year_end` is always the collection year's last day.
    """

    model_config = ConfigDict(frozen=True)

    year: str
    start: dt.date
    end: dt.date
    year_end: dt.date | None = None

    @model_validator(mode="after")
    def _full_year_by_default(self) -> Self:
        if self.year_end is None:
            object.__setattr__(self, "year_end", self.end)
        return self

    @property
    def as_at(self) -> dt.date | None:
        """The as-at date of a year-to-date check; None for the full year."""
        assert self.year_end is not None
        return self.end if self.end < self.year_end else None

    def up_to(self, as_at: dt.date | None) -> "Period":
        """The same year checked as at `as_at` (None: the full year); ValueError outside it."""
        if as_at is None:
            return self.model_copy(update={"end": self.year_end})
        assert self.year_end is not None
        if not self.start <= as_at <= self.year_end:
            raise ValueError(
                f"{as_at:%d/%m/%Y} is not in the {self.year} collection year "
                f"({self.start:%d/%m/%Y} to {self.year_end:%d/%m/%Y})"
            )
        return self.model_copy(update={"end": as_at})


def first_year(year: str) -> int:
    """'2025-26' -> 2025; raises ValueError for anything not of that form."""
    match = YEAR_PATTERN.match(year.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{year!r} is not a collection year (expected the form 2025-26)")
    return int(match.group(1))


def year_named(first: int) -> str:
    """2025 -> '2025-26'."""
    return f"{first}-{(first + 1) % 100:02d}"


@dataclass(frozen=True)
class YearlyPeriods:
    """Collection years that run from the 1st of `first_month` to the day before it a year
    later: "2025-26" is 1 April 2025 to 31 March 2026 for SSDA903 and the CIN census, and
    1 October 2025 to 30 September 2026 for a collection whose year runs to 30 September."""

    first_month: int

    def __call__(self, year: str) -> Period:
        first = first_year(year)
        start = dt.date(first, self.first_month, 1)
        end = dt.date(first + 1, self.first_month, 1) - dt.timedelta(days=1)
        return Period(year=year.strip(), start=start, end=end)

    def containing(self, day: dt.date) -> str:
        """The collection year whose period contains `day`."""
        return year_named(day.year if day.month >= self.first_month else day.year - 1)


# The financial year, 1 April to 31 March: SSDA903's and the CIN census's collection year.
FINANCIAL_YEAR = YearlyPeriods(first_month=4)


def financial_year(year: str) -> Period:
    """'2025-26' -> 1 April 2025 to 31 March 2026; raises ValueError for anything else. Only
    for collections whose year this is: others ask `collections.period`."""
    return FINANCIAL_YEAR(year)


def previous_year(year: str) -> str:
    """'2025-26' -> '2024-25', whatever days the collection's year covers."""
    return year_named(first_year(year) - 1)


# Older names, kept while modules outside this change still use them (the summary's last year,
# the loader's --year check): both mean the financial year, not a collection's own period.
parse_year = financial_year
year_containing = FINANCIAL_YEAR.containing
