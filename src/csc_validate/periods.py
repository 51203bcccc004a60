"""Collection years ("2025-26") and the reporting period each one covers."""

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict

YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


class Period(BaseModel):
    """The collection period: 1 April to 31 March of the financial year the return covers."""

    model_config = ConfigDict(frozen=True)

    year: str
    start: dt.date
    end: dt.date


def parse_year(year: str) -> Period:
    """'2025-26' -> 1 April 2025 to 31 March 2026; raises ValueError for anything else."""
    match = YEAR_PATTERN.match(year.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{year!r} is not a collection year (expected the form 2025-26)")
    first = int(match.group(1))
    return Period(year=year.strip(), start=dt.date(first, 4, 1), end=dt.date(first + 1, 3, 31))


def year_containing(day: dt.date) -> str:
    """The collection year whose period contains `day`."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def previous_year(year: str) -> str:
    """'2025-26' -> '2024-25'."""
    first = parse_year(year).start.year - 1
    return f"{first}-{(first + 1) % 100:02d}"
