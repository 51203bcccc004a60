"""Test cases written beside each rule: tiny tables as text, and the rows that must be flagged."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from csc_validate import schemas
from csc_validate.collection import registry
from csc_validate.periods import Period, parse_year
from csc_validate.readers.casting import raw_frame, typed_frame
from csc_validate.readers.sheets import Sheet
from csc_validate.tables import PREVIOUS_SUFFIX, LoadedTable, Tables


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
    row must not be flagged.

    `period` names the collection year the case's dates are written for (default: every year the
    rule is in force, with that year's period); `years` limits the case to some years, e.g. when
    it uses a code that DfE retired; `xfail` records a known gap with its reason.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    tables: dict[str, CaseTable]
    flagged: dict[str, tuple[int, ...]] = Field(default_factory=dict)
    period: str | None = None
    years: tuple[str, ...] | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    xfail: str | None = None

    def __init__(self, name: str, /, **data: Any) -> None:
        super().__init__(name=name, **data)

    @property
    def slug(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.name.lower()).split())

    def runs_in(self, year: str) -> bool:
        return self.years is None or year in self.years

    def period_for(self, year: str) -> Period:
        return parse_year(self.period or year)


def build_tables(case: Case, collection: str, year: str) -> Tables:
    """The case's tables as the engine would load them, cast with the year's schema."""
    year_schema = schemas.load(collection, year)
    loaded: dict[str, LoadedTable] = {}
    for name, content in case.tables.items():
        base = name.removesuffix(PREVIOUS_SUFFIX)
        schema = year_schema.tables.get(base)
        if schema is None:
            raise KeyError(f"case {case.name!r}: no table {base} in the {year} schema")
        unknown = set(content.columns) - set(schema.column_names)
        if unknown:
            raise KeyError(f"case {case.name!r}: {base} has no column(s) {sorted(unknown)}")
        columns = {
            column: [row[i] if row[i] != "" else None for row in content.rows]
            for i, column in enumerate(content.columns)
        }
        lines = list(range(2, len(content.rows) + 2))
        sheet = Sheet(file=f"{name}.csv", columns=columns, lines=lines, table=base)
        raw = raw_frame(sheet, schema)
        source_format = case.metadata.get("file_format", "csv")
        loaded[name] = LoadedTable(name, raw, typed_frame(raw, schema), sheet.file, source_format)
    chosen = registry()[collection]
    frames = chosen.derive(
        {name: table.typed for name, table in loaded.items()},
        {name: table.source_format for name, table in loaded.items()},
    )
    for name, frame in frames.items():
        old = loaded[name]
        loaded[name] = LoadedTable(name, old.raw, frame, old.file, old.source_format)
    metadata = {"file_format": "csv", **case.metadata}
    return Tables(collection=collection, year=year, tables=loaded, metadata=metadata)
