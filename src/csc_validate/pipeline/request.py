"""One request for the pipeline: the files to read and how to check them, for every command."""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from csc_validate import config
from csc_validate.rulekit.rule import Rule
from csc_validate.severity import Severity
from csc_validate.tables import Tables


@dataclass(frozen=True)
class Request:
    """What `check`, `export`, `convert` and `summary` ask of the pipeline.

    `per_table_ignores` drops findings of some rules in some tables ({"Episodes": ("355",)}).
    `la` (the council's code) and `ofsted` (provider lists) are reference data some rules need.
    `partial` says that a return without some of its tables is meant to be checked as it is.
    `severity` treats some rules as more or less serious than DfE does ({"355": "query"}).
    `as_at` checks a year-to-date extract as at that day (see as_at.resolve).
    `narrow` keeps only the selected rules a caller needs (summary: those reading the fields its
    figures use); the report's rules and rules_run then say which ran.
    """

    paths: tuple[Path, ...]
    previous: tuple[Path, ...] = ()
    collection: str | None = None
    year: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_table_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    la: str | None = None
    ofsted: tuple[Path, ...] = ()
    partial: bool = False
    severity: Mapping[str, Severity] = field(default_factory=dict)
    as_at: dt.date | None = None
    narrow: Callable[[Tables, list[Rule]], list[Rule]] | None = None

    @classmethod
    def from_settings(cls, settings: config.Config, as_at: dt.date | None = None) -> "Request":
        """The request the merged settings (file and flags) make."""
        return cls(
            paths=tuple(settings.inputs),
            previous=tuple(settings.previous),
            collection=settings.collection,
            year=settings.year,
            select=tuple(settings.select),
            ignore=tuple(settings.ignore),
            per_table_ignores=dict(settings.per_table_ignores),
            la=settings.la,
            ofsted=tuple(settings.ofsted),
            partial=settings.partial,
            severity=dict(settings.severity),
            as_at=as_at,
        )
