"""From the paths a user names to the Tables of one return: read, recognise, cast, derive."""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from csc_validate import schemas
from csc_validate.collection import Collection, registry
from csc_validate.errors import InputError, UsageError
from csc_validate.periods import parse_year, previous_year
from csc_validate.readers import load_bytes, read_sheets
from csc_validate.readers.casting import raw_frame, typed_frame, unreadable
from csc_validate.readers.detect import Detected, detect, one_per_table
from csc_validate.schemas import ColumnType, TableSchema
from csc_validate.tables import PREVIOUS_SUFFIX, CellIssue, InputFile, LoadedTable, Tables

READABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xml"}


@dataclass(frozen=True)
class Source:
    path: Path
    display: str


@dataclass(frozen=True)
class _Read:
    found: list[Detected]
    inputs: list[InputFile]
    warnings: list[str]


def expand(paths: list[Path]) -> tuple[list[Source], list[str]]:
    """Files named directly, and the readable files of folders (sorted, hidden ones left out)."""
    sources: list[Source] = []
    notes: list[str] = []
    for path in paths:
        if path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.name.startswith((".", "~$")) or not entry.is_file():
                    continue
                if entry.suffix.lower() not in READABLE_SUFFIXES:
                    notes.append(f"{_display(entry, path)}: skipped, not a CSV, XLSX or XML file")
                    continue
                sources.append(Source(entry, _display(entry, path)))
        elif path.is_file():
            sources.append(Source(path, _display(path, None)))
        else:
            raise InputError(str(path), "does not exist", expected="a file or folder to check")
    return sources, notes


def load(
    paths: list[Path],
    previous: list[Path] | None = None,
    collection: str | None = None,
    year: str | None = None,
) -> Tables:
    """Read the return (and last year's, if given) and cast it with the collection year's schema."""
    sources, notes = expand(paths)
    if not sources:
        raise InputError(", ".join(map(str, paths)), "holds no CSV, XLSX or XML file")
    chosen = _collection(collection)
    candidates = _all_tables(chosen.name)
    current = _read(sources, candidates)
    year, why = _year(chosen, current.found, year)
    year_schema = schemas.load(chosen.name, year)
    loaded, issues, warnings = _cast(current.found, year_schema.tables, "", year)
    inputs = list(current.inputs)
    warnings = notes + current.warnings + warnings
    if previous:
        last_sources, last_notes = expand(previous)
        last = _read(last_sources, candidates)
        last_year = previous_year(year)
        last_schema = _schema_or(chosen.name, last_year, year_schema)
        last_loaded, _, last_warnings = _cast(
            last.found, last_schema.tables, PREVIOUS_SUFFIX, last_schema.year
        )
        loaded.update(last_loaded)
        inputs += [InputFile(i.file, i.sha256, i.tables, previous=True) for i in last.inputs]
        warnings += last_notes + last.warnings + last_warnings
    frames = chosen.derive(
        {name: table.typed for name, table in loaded.items()},
        {name: table.source_format for name, table in loaded.items()},
    )
    for name, frame in frames.items():
        table = loaded[name]
        loaded[name] = LoadedTable(
            table.name, table.raw, frame, table.file, table.source_format, table.missing_columns
        )
    formats = {table.source_format for table in loaded.values() if table.name in year_schema.tables}
    return Tables(
        collection=chosen.name,
        year=year,
        tables=loaded,
        issues=tuple(issues),
        inputs=tuple(inputs),
        metadata={"file_format": "xml" if "xml" in formats else "csv", "year_source": why},
        notes=tuple(warnings),
    )


def _collection(name: str | None) -> Collection:
    known = registry()
    if name is None:
        # NOTE: one collection so far; with CIN this becomes detection by root element/headers.
        return next(iter(known.values()))
    if name not in known:
        raise UsageError(f"unknown collection {name!r} (known: {', '.join(sorted(known))})")
    return known[name]


def _all_tables(collection: str) -> dict[str, TableSchema]:
    """Every table any supported year has, so that recognising a file needs no year yet."""
    tables: dict[str, TableSchema] = {}
    for year in schemas.available_years(collection):
        tables.update(schemas.load(collection, year).tables)
    return tables


def _schema_or(collection: str, year: str, fallback: schemas.YearSchema) -> schemas.YearSchema:
    try:
        return schemas.load(collection, year)
    except LookupError:
        return fallback


def _year(chosen: Collection, found: list[Detected], forced: str | None) -> tuple[str, str]:
    known = schemas.available_years(chosen.name)
    if forced is not None:
        try:
            parse_year(forced)
        except ValueError as error:
            raise UsageError(f"--year: {error}") from None
        if forced not in known:
            raise UsageError(f"no {chosen.name} rules for {forced} (supported: {', '.join(known)})")
        return forced, "chosen with --year"
    inferred = chosen.infer_year(found)
    if inferred is None:
        raise UsageError(
            f"cannot tell the collection year from the data; give it with --year "
            f"(supported: {', '.join(known)})"
        )
    year, why = inferred
    if year not in known:
        raise UsageError(
            f"the data look like the {year} return ({why}), but csc-validate has rules for "
            f"{', '.join(known)} only; give the year with --year"
        )
    return year, f"inferred: {why}"


def _read(sources: list[Source], candidates: dict[str, TableSchema]) -> _Read:
    found: list[Detected] = []
    inputs: list[InputFile] = []
    warnings: list[str] = []
    for source in sources:
        data = load_bytes(source.path, source.display)
        matches, skipped = detect(read_sheets(data, source.display), candidates)
        found += matches
        warnings += skipped
        digest = hashlib.sha256(data).hexdigest()
        inputs.append(InputFile(source.display, digest, tuple(m.table for m in matches), False))
    one_per_table(found)
    return _Read(found, inputs, warnings)


def _cast(
    found: list[Detected], tables: dict[str, TableSchema], suffix: str, year: str
) -> tuple[dict[str, LoadedTable], list[CellIssue], list[str]]:
    loaded: dict[str, LoadedTable] = {}
    issues: list[CellIssue] = []
    warnings: list[str] = []
    for match in found:
        schema = tables.get(match.table)
        if schema is None:
            warnings.append(
                f"{match.sheet.where}: skipped, the {match.table} table is not part of "
                f"the {year} return"
            )
            continue
        name = match.table + suffix
        raw = raw_frame(match.sheet, schema)
        typed = typed_frame(raw, schema)
        missing = tuple(c for c in match.missing if c in schema.file_columns)
        loaded[name] = LoadedTable(
            name, raw, typed, match.sheet.where, match.sheet.source_format, missing
        )
        if match.extra:
            warnings.append(
                f"{match.sheet.where}: ignored columns not in the {match.table} table: "
                + ", ".join(match.extra)
            )
        if suffix:
            continue  # last year's return was submitted already: its defects are not reported
        issues += [CellIssue("CSC003", name, None, column) for column in missing]
        issues += [CellIssue(i.code, name, i.row, None, i.detail) for i in match.sheet.issues]
        for column, rows in unreadable(typed, schema).items():
            code = "CSC001" if schema.column(column).type is ColumnType.DATE else "CSC002"
            issues += [CellIssue(code, name, row, column) for row in rows.to_list()]
    return loaded, issues, warnings


def _display(path: Path, folder: Path | None) -> str:
    """The file as the user named it; never an absolute path in a report."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return Path(os.path.relpath(path)).as_posix() if _under_cwd(path) else _tail(path, folder)
    except ValueError:
        return _tail(path, folder)


def _under_cwd(path: Path) -> bool:
    return Path.cwd() in path.resolve().parents


def _tail(path: Path, folder: Path | None) -> str:
    return f"{folder.name}/{path.name}" if folder is not None else path.name
