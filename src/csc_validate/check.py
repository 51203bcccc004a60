"""Checking a return from Python: paths and options in, the Report out (what tests and scripts
call; the commands call the pipeline with a Request themselves)."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from csc_validate.findings import Report
from csc_validate.pipeline.check import run
from csc_validate.pipeline.request import Request
from csc_validate.tables import Tables


def check(paths: Sequence[Path], previous: Sequence[Path] | None = None, **options: Any) -> Report:
    """Check one return; raises InputError or UsageError for input that cannot be used.

    `options` are the fields of pipeline.request.Request: year="2025-26", select=["103"],
    per_table_ignores={"Episodes": ["355"]}, la="383", ofsted=[...], partial=True,
    severity={"355": "query"}, as_at=date (as_at_day is the older name).
    """
    report, _ = check_with_tables(paths, previous, **options)
    return report


def check_with_tables(
    paths: Sequence[Path], previous: Sequence[Path] | None = None, **options: Any
) -> tuple[Report, Tables]:
    """The Report and the Tables it was checked on, for outputs that show the rows as read."""
    return run(request(paths, previous, **options))


def request(
    paths: Sequence[Path], previous: Sequence[Path] | None = None, **options: Any
) -> Request:
    """The Request for these paths and options (lists become tuples; None is the default)."""
    given = {name: value for name, value in options.items() if value is not None}
    if "as_at_day" in given:
        given["as_at"] = given.pop("as_at_day")
    given |= {name: tuple(given[name]) for name in ("select", "ignore", "ofsted") if name in given}
    if "per_table_ignores" in given:
        given["per_table_ignores"] = {
            table: tuple(codes) for table, codes in given["per_table_ignores"].items()
        }
    return Request(paths=tuple(paths), previous=tuple(previous or ()), **given)
