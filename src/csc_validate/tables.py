"""Tables: the loaded tables of one return, read-only, as rules and the engine see them."""

from dataclasses import dataclass, field

import polars as pl

PREVIOUS_SUFFIX = "_last"


@dataclass(frozen=True)
class CellIssue:
    """A value csc-validate itself reports (no DfE rule covers it): unreadable, or a bad row."""

    code: str
    table: str
    row: int | None
    field: str | None
    detail: str = ""


@dataclass(frozen=True)
class LoadedTable:
    """One table: `raw` holds the cells as written, `typed` the cast columns; both carry _row."""

    name: str
    raw: pl.DataFrame
    typed: pl.DataFrame
    file: str
    source_format: str
    missing_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputFile:
    file: str
    sha256: str
    tables: tuple[str, ...]
    previous: bool


@dataclass(frozen=True)
class EarlierYear:
    """A return from before last year, given with --previous for the rules that look further
    back: its typed tables by plain name (Episodes), cast with that year's schema."""

    year: str
    tables: dict[str, pl.DataFrame]


@dataclass(frozen=True)
class Tables:
    """Everything the rules may look at, plus what reading found on its own."""

    collection: str
    year: str
    tables: dict[str, LoadedTable]
    issues: tuple[CellIssue, ...] = ()
    inputs: tuple[InputFile, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    # Tables the collection requires that the files given do not hold (last year's too, when
    # last year's return is given): the check is incomplete without them.
    missing: tuple[str, ...] = ()
    # Read from a user's files: a table they did not give is absent, never taken as empty, so
    # every rule that reads it is skipped alike. Rule test cases leave out what they do not need.
    from_files: bool = False
    # Returns from before last year, latest first (last year's is in `tables`, as *_last).
    earlier: tuple[EarlierYear, ...] = ()

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    def typed(self, name: str) -> pl.DataFrame:
        return self.tables[name].typed

    def raw(self, name: str) -> pl.DataFrame:
        return self.tables[name].raw
