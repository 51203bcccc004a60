"""What differs between collections (SSDA903, CIN census): each plugs in here, not in the engine."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from csc_validate.readers.detect import Detected


@dataclass(frozen=True)
class Collection:
    """A DfE collection: its name, how its year is told from the data, and derived columns."""

    name: str
    title: str
    child_column: str
    # The collection year the data describe, or None when the data cannot tell.
    infer_year: Callable[[list[Detected]], tuple[str, str] | None]
    # Adds columns DfE derives on load (e.g. SSDA903 Header.UASC); gets {table: typed frame}
    # and {table: source format}.
    derive: Callable[[dict[str, pl.DataFrame], dict[str, str]], dict[str, pl.DataFrame]]


def latest_date(values: list[str | None], date_format: str, today: dt.date) -> dt.date | None:
    """The latest readable date not after today (a typed-in 2062 must not decide the year)."""
    dates = (
        pl.Series(values, dtype=pl.String)
        .str.strip_chars()
        .str.strptime(pl.Date, date_format, strict=False)
        .drop_nulls()
    )
    dates = dates.filter(dates <= today)
    return dates.max() if dates.len() else None  # type: ignore[return-value]


def registry() -> dict[str, Collection]:
    from csc_validate import ssda903

    return {ssda903.COLLECTION.name: ssda903.COLLECTION}
