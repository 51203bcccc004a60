"""--as-at DATE: the period from 1 April to a date inside the collection year.

NOTE: a local reading of --as-at for `summary`, over the existing period model; `check` gains
its own --as-at and a period contract in parallel, and this module should give way to it.
"""

import datetime as dt

from csc_validate.errors import UsageError
from csc_validate.periods import Period

FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date:
    """30/09/2025 or 2025-09-30; anything else is a usage error naming what was expected."""
    for pattern in FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise UsageError(f"--as-at {text!r}: not a date (expected dd/mm/yyyy such as 30/09/2025)")


def as_at_period(text: str, year: Period) -> Period:
    """The collection year cut short at the as-at date, which must fall inside it."""
    day = parse_date(text)
    if not year.start <= day <= year.end:
        raise UsageError(
            f"--as-at {text!r}: outside the {year.year} collection year "
            f"({year.start:%d/%m/%Y} to {year.end:%d/%m/%Y})"
        )
    return Period(year=year.year, start=year.start, end=day)
