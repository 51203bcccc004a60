"""The tables found, cast with the year's schema, with what the collection derives."""

import polars as pl

from csc_validate import schemas
from csc_validate.collection import Collection
from csc_validate.periods import previous_year
from csc_validate.pipeline.naming import naming, wheres
from csc_validate.pipeline.recognise import schema_or
from csc_validate.readers.casting import (
    DateSpelling,
    accepted_spellings,
    foreign_date_spelling,
    raw_frame,
    typed_frame,
    unreadable,
)
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.readers.spaces import describe, spaced_columns
from csc_validate.schemas import ColumnType, TableSchema
from csc_validate.tables import (
    PREVIOUS_SUFFIX,
    CellIssue,
    EarlierYear,
    LoadedTable,
)


def build(
    chosen: Collection, year: str, current: list[Detected], previous: list[Detected]
) -> tuple[dict[str, LoadedTable], list[CellIssue], list[str]]:
    """Cast this year's tables with the year's schema and last year's with its own, then add
    what the collection derives. Real files and rule test cases both come through here."""
    year_schema = schemas.load(chosen.name, year)
    loaded, issues, warnings = cast(chosen, current, year_schema.tables, "", year)
    if previous:
        last_schema = schema_or(chosen.name, previous_year(year), year_schema)
        # A table new this year (SSDA903's DoLO in 2026-27) given as last year's is read with
        # this year's columns: the rules that compare years then have it.
        last_tables = {**year_schema.tables, **last_schema.tables}
        last_loaded, _, last_warnings = cast(
            chosen, previous, last_tables, PREVIOUS_SUFFIX, last_schema.year
        )
        loaded.update(last_loaded)
        warnings += last_warnings
    with naming(wheres([*current, *previous])):
        frames = chosen.derive(
            {name: table.typed for name, table in loaded.items()},
            {name: table.source_format for name, table in loaded.items()},
        )
    for name, frame in frames.items():
        table = loaded[name]
        loaded[name] = LoadedTable(
            table.name, table.raw, frame, table.file, table.source_format, table.missing_columns
        )
    return loaded, issues, warnings


def cast(
    chosen: Collection,
    found: list[Detected],
    tables: dict[str, TableSchema],
    suffix: str,
    year: str,
) -> tuple[dict[str, LoadedTable], list[CellIssue], list[str]]:
    """Each table found, cast with its schema in `tables`, with notes; cell issues only for
    this year's tables, as last year's return (a `suffix`) was submitted already."""
    loaded: dict[str, LoadedTable] = {}
    issues: list[CellIssue] = []
    warnings: list[str] = []
    expected_date = chosen.date_formats[0].label
    for match in found:
        schema = tables.get(match.table)
        if schema is None and not match.sheet.height:
            continue  # an XML reader's empty table of another year: nothing was skipped
        if schema is None:
            warnings.append(
                f"{match.sheet.where}: skipped, the {match.table} table is not part of "
                f"the {year} return"
            )
            continue
        name = match.table + suffix
        with naming(match.sheet.where):
            raw = raw_frame(match.sheet, schema)
            typed = typed_frame(raw, schema, chosen.date_formats)
        # A sheet a reader names (an XML return's) has no header row: an element left out is a
        # blank value, not a missing column.
        named = match.sheet.table is not None
        missing = () if named else tuple(c for c in match.missing if c in schema.file_columns)
        loaded[name] = LoadedTable(
            name, raw, typed, match.sheet.where, match.sheet.source_format, missing
        )
        warnings += _date_spelling_notes(chosen, schema, raw, match.sheet.where)
        for spaced in spaced_columns(raw, schema):
            line = raw["_line"][spaced.row]
            where = f"{match.sheet.where}, line {line}, {spaced.column}"
            warnings.append(f"{where}: {describe(spaced)}")
        # Against this year's columns: recognition used every year's, and a column may come and go.
        # An XML return carries what is derived from CSV files, and it is read from there.
        carried = schema.column_names if named else schema.file_columns
        known = {normalise_header(column) for column in carried}
        ignored = [
            column
            for column in match.sheet.columns
            if normalise_header(column) not in known and _holds_values(match.sheet, column)
        ]
        if ignored:
            warnings.append(
                f"{match.sheet.where}: ignored columns not in the {year} {match.table} table: "
                + ", ".join(ignored)
            )
        if suffix:
            continue  # last year's return was submitted already: its defects are not reported
        issues += [CellIssue("CSC003", name, None, column) for column in missing]
        issues += [CellIssue(i.code, name, i.row, None, i.detail) for i in match.sheet.issues]
        for column, rows in unreadable(typed, schema).items():
            is_date = schema.column(column).type is ColumnType.DATE
            code, detail = ("CSC001", f"expected {expected_date}") if is_date else ("CSC002", "")
            issues += [CellIssue(code, name, row, column, detail) for row in rows.to_list()]
    return loaded, issues, warnings


def _date_spelling_notes(
    chosen: Collection, schema: TableSchema, raw: pl.DataFrame, where: str
) -> list[str]:
    """One note per date column whose dates share a spelling the collection does not take
    (yyyy-mm-dd from a SQL export, say), rather than only a finding per unreadable date."""
    notes = []
    for column in schema.columns:
        if column.type is not ColumnType.DATE or column.name not in raw.columns:
            continue
        spelling = foreign_date_spelling(raw[column.name], chosen.date_formats)
        if spelling is None:
            continue
        line = raw["_line"][spelling.row]
        notes.append(f"{where}, line {line}, {column.name}: {spelling_problem(chosen, spelling)}")
    return notes


def spelling_problem(chosen: Collection, spelling: DateSpelling) -> str:
    """What is wrong with a column's date spelling, and what the collection takes."""
    return (
        f'"{spelling.value}": {spelling.count} of the {spelling.total} dates in this column '
        f"are written {spelling.label}, but {chosen.title} takes "
        f"{accepted_spellings(chosen.date_formats)}; re-export them in that form"
    )


def _holds_values(sheet: Sheet, column: str) -> bool:
    """Whether a column has any value (an XML reader lists every item it knows, even absent)."""
    return sheet.source_format != "xml" or any(v is not None for v in sheet.columns[column])


def earlier_year(chosen: Collection, year: str, found: list[Detected]) -> EarlierYear:
    """A year before last year, cast with its own schema (or the oldest one csc-validate has)."""
    oldest = schemas.load(chosen.name, schemas.available_years(chosen.name)[0])
    schema = schema_or(chosen.name, year, oldest)
    loaded, _, _ = cast(chosen, found, schema.tables, "", schema.year)
    frames = chosen.derive(
        {name: table.typed for name, table in loaded.items()},
        {name: table.source_format for name, table in loaded.items()},
    )
    return EarlierYear(year, frames)


def missing_tables(
    chosen: Collection, schema: schemas.YearSchema, loaded: dict[str, LoadedTable], suffix: str
) -> tuple[str, ...]:
    """The tables the collection requires in this year's schema that no file given holds."""
    return tuple(
        name + suffix
        for name in chosen.required_tables
        if name in schema.tables and name + suffix not in loaded
    )
