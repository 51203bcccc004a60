"""Year-to-date checks: the day a check is as at (from --as-at, or the extract's own date), and
the note that suggests --as-at for an extract whose dates stop well before the year ends."""

import datetime as dt
from dataclasses import dataclass

import polars as pl

from csc_validate import collections
from csc_validate.errors import UsageError
from csc_validate.periods import Period
from csc_validate.readers.casting import COMMON_DATE_SPELLINGS, DateFormat, read_date
from csc_validate.tables import Tables

# --as-at takes DfE's two spellings of a date, 30/09/2025 and 2025-09-30.
FORMATS: tuple[DateFormat, ...] = tuple(
    form for form in COMMON_DATE_SPELLINGS if form.label in ("dd/mm/yyyy", "yyyy-mm-dd")
)
# An extract whose latest activity is further than this before the year's end is probably a
# year-to-date one: the check says so and suggests --as-at (it never guesses the date).
QUIET_SPELL = dt.timedelta(days=31)


@dataclass(frozen=True)
class AsAt:
    """The period a check covers, and how its end was chosen ("" for the whole year)."""

    period: Period
    source: str = ""
    notes: tuple[str, ...] = ()


def read(text: str) -> dt.date:
    """The --as-at date; UsageError for anything but 30/09/2025 or 2025-09-30."""
    day = read_date(text, FORMATS)
    if day is None:
        raise UsageError(f"--as-at: {text!r} is not a date; write it 30/09/2025 or 2025-09-30")
    return day


def resolve(tables: Tables, as_at: dt.date | None) -> AsAt:
    """The period to check: to `as_at` when given, else to the date the extract says it was
    taken on (a CIN header's ReferenceDate before 31 March), else the whole year."""
    chosen = collections.get(tables.collection)
    whole = chosen.period(tables.year)
    dated = chosen.extract_date(tables) if chosen.extract_date is not None else None
    if as_at is not None:
        period = collections.period(tables.collection, tables.year, as_at)
        notes = ()
        if dated is not None and dated[0] != as_at:
            notes = (f"checked as at {as_at:%d/%m/%Y} as --as-at says, though {dated[1]}",)
        return AsAt(period, "given with --as-at", notes)
    if dated is not None and whole.start <= dated[0] < whole.end:
        return AsAt(whole.up_to(dated[0]), dated[1])
    latest = latest_activity(tables, whole)
    if latest is None or latest >= whole.end - QUIET_SPELL:
        return AsAt(whole)
    return AsAt(
        whole,
        notes=(
            f"the latest date of activity in the return is {latest:%d/%m/%Y}, well before the "
            f"year ends on {whole.end:%d/%m/%Y}: if this is a year-to-date extract, check it "
            f"with --as-at and the day it was taken (perhaps {latest:%d/%m/%Y}); otherwise the "
            "rules judge it as a whole year's return",
        ),
    )


def latest_activity(tables: Tables, period: Period) -> dt.date | None:
    """The latest day in the period on which the return records something happening."""
    chosen = collections.get(tables.collection)
    latest: list[dt.date] = []
    for name, columns in chosen.activity_dates.items():
        if name not in tables:
            continue
        frame = tables.typed(name)
        present = [column for column in columns if column in frame.columns]
        if not present:
            continue
        day = frame.select(
            pl.max_horizontal(
                pl.col(column).filter(pl.col(column) <= period.end).max() for column in present
            )
        ).item()
        if day is not None:
            latest.append(day)
    return max(latest, default=None)
