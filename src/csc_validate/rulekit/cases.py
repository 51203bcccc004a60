"""Test cases written beside each rule: tiny tables as text, and the rows that must be flagged."""

import csv
import io
from typing import Any

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from csc_validate import collections, schemas
from csc_validate.as_at import read as read_as_at
from csc_validate.load import build
from csc_validate.periods import Period
from csc_validate.readers import delimited
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import Sheet
from csc_validate.reference import ReferenceRequest, References
from csc_validate.tables import PREVIOUS_SUFFIX, EarlierYear, Tables


class CaseTable(BaseModel):
    model_config = ConfigDict(frozen=True)

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def table(columns: list[str], *rows: list[str | None]) -> CaseTable:
    """A case table: column names, then rows of values exactly as in a CSV ('' is blank)."""
    for row in rows:
        if len(row) != len(columns):
            raise ValueError(f"case row {row} has {len(row)} values for {len(columns)} columns")
    return CaseTable(columns=tuple(columns), rows=tuple(tuple(row) for row in rows))


class Case(BaseModel):
    """One case: `flagged` lists the 0-based rows per table that the rule must flag; every other
    row must not be flagged. A finding about a table as a whole (a return-level query) is the
    row None.

    `period` names the collection year the case's dates are written for (default: every year the
    rule is in force, with that year's period); `years` limits the case to some years, e.g. when
    it uses a code that DfE retired; `xfail` records a known gap with its reason; `skipped` says
    the rule must not run at all on these tables (one it cannot do without is absent), so it is
    reported as not run and flags nothing. `la` and
    `reference` stand in for what the user gives for rules that need reference data: the
    council's code and small tables in place of the packaged data or the user's files.
    `as_at` ("30/09/2025") checks the tables as a year-to-date extract taken on that day.
    `earlier` gives returns from before last year, by year: {"2022-23": {"Header": table(...)}}.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    tables: dict[str, CaseTable]
    flagged: dict[str, tuple[int | None, ...]] = Field(default_factory=dict)
    period: str | None = None
    as_at: str | None = None
    earlier: dict[str, dict[str, CaseTable]] = Field(default_factory=dict)
    years: tuple[str, ...] | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    la: str | None = None
    reference: dict[str, CaseTable] = Field(default_factory=dict)
    xfail: str | None = None
    skipped: bool = False
    # For rules that name the rows they compared: (table, row, related table, related row) for
    # every pair the rule must name; checked only when given.
    related: tuple[tuple[str, int, str, int], ...] = ()

    def __init__(self, name: str, /, **data: Any) -> None:
        super().__init__(name=name, **data)

    @property
    def slug(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.name.lower()).split())

    def runs_in(self, year: str) -> bool:
        return self.years is None or year in self.years

    def period_for(self, year: str, collection: str) -> Period:
        """The period the case is checked over: its collection's year, to its as-at day."""
        whole = collections.period(collection, self.period or year)
        if self.as_at is None:
            return whole
        return whole.up_to(read_as_at(self.as_at))


def build_tables(case: Case, collection: str, year: str) -> Tables:
    """The case's tables loaded as real files are: written as CSV text, read by the CSV reader,
    then cast and derived by the loader, so a case cannot hold what no real file could."""
    chosen = collections.get(collection)
    year_schema = schemas.load(collection, year)
    current: list[Detected] = []
    previous: list[Detected] = []
    for name, content in case.tables.items():
        base = name.removesuffix(PREVIOUS_SUFFIX)
        schema = year_schema.tables.get(base)
        if schema is None:
            raise KeyError(f"case {case.name!r}: no table {base} in the {year} schema")
        unknown = set(content.columns) - set(schema.column_names)
        if unknown:
            raise KeyError(f"case {case.name!r}: {base} has no column(s) {sorted(unknown)}")
        sheet = _as_read(case, name, content)
        missing = tuple(column for column in schema.file_columns if column not in content.columns)
        match = Detected(table=base, sheet=sheet, missing=missing, extra=())
        (previous if name.endswith(PREVIOUS_SUFFIX) else current).append(match)
    loaded, _, _ = build(chosen, year, current, previous)
    metadata = {"file_format": "csv", **case.metadata}
    earlier = tuple(
        _earlier_year(case, collection, earlier_year, case.earlier[earlier_year])
        for earlier_year in sorted(case.earlier, reverse=True)
    )
    return Tables(
        collection=collection, year=year, tables=loaded, metadata=metadata, earlier=earlier
    )


def _earlier_year(
    case: Case, collection: str, year: str, tables: dict[str, CaseTable]
) -> EarlierYear:
    """A return from before last year, read as --previous reads one (with the oldest schema
    csc-validate has for a year older than that)."""
    known = schemas.available_years(collection)
    schema_year = year if year in known else known[0]
    found = []
    for name, content in tables.items():
        sheet = _as_read(case, name, content)
        columns = schemas.load(collection, schema_year).tables[name].file_columns
        missing = tuple(column for column in columns if column not in content.columns)
        found.append(Detected(table=name, sheet=sheet, missing=missing, extra=()))
    loaded, _, _ = build(collections.get(collection), schema_year, found, [])
    return EarlierYear(year, {name: table.typed for name, table in loaded.items()})


def build_references(case: Case, collection: str, tables: Tables) -> References:
    """The reference data the case gives, through the collection's own loading code."""
    given = {
        name: pl.DataFrame(
            [list(column) for column in zip(*content.rows, strict=True)] or None,
            schema=dict.fromkeys(content.columns, pl.String),
            orient="col",
        )
        for name, content in case.reference.items()
    }
    request = ReferenceRequest(la=case.la, given=given)
    return References(collections.get(collection).references(request, tables))


def _as_read(case: Case, name: str, content: CaseTable) -> Sheet:
    """The case table written as a CSV file and read back by the CSV reader."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(content.columns)
    writer.writerows(content.rows)
    sheet = delimited.read(buffer.getvalue().encode("utf-8"), f"{name}.csv")
    if sheet.height != len(content.rows):
        raise ValueError(
            f"case {case.name!r}: {name} has {len(content.rows)} rows but a CSV file of them "
            f"reads as {sheet.height} (the reader skips blank rows)"
        )
    sheet.table = name.removesuffix(PREVIOUS_SUFFIX)
    # A case may stand for an XML return, where the collection derives less on load.
    sheet.source_format = case.metadata.get("file_format", "csv")
    return sheet
