"""Collection years ("2025-26") and the reporting period each one covers."""

import datetime as dt
import re
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


def parse_year(year: str) -> Period:
    """'2025-26' -> 1 April 2025 to 31 March 2026; raises ValueError for anything else."""
    match = YEAR_PATTERN.match(year.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{year!r} is not a collection year (expected the form 2025-26)")
    first = int(match.group(1))
    return Period(year=year.strip(), start=dt.date(first, 4, 1), end=dt.date(first + 1, 3, 31))


def financial_year(year: str) -> Period:
    """The period of a collection that runs 1 April to 31 March (SSDA903, the CIN census)."""
    return parse_year(year)


def year_containing(day: dt.date) -> str:
    """The collection year whose period contains `day`."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def previous_year(year: str) -> str:
    """'2025-26' -> '2024-25'."""
    first = parse_year(year).start.year - 1
    return f"{first}-{(first + 1) % 100:02d}"
