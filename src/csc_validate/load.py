"""From the paths a user names to the Tables of one return: read, recognise, cast, derive."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from csc_validate import collections, id_spellings, schemas
from csc_validate.collection import Collection
from csc_validate.errors import InputError, ReadError, UsageError
from csc_validate.periods import parse_year, previous_year
from csc_validate.readers import kind, read_table_file, sha256, standard_input
from csc_validate.readers.casting import (
    DateSpelling,
    accepted_spellings,
    foreign_date_spelling,
    raw_frame,
    typed_frame,
    unreadable,
)
from csc_validate.readers.detect import Detected, detect, one_per_table
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.readers.spaces import describe, spaced_columns
from csc_validate.readers.standard_input import StandardInput
from csc_validate.readers.xml_safety import root_element
from csc_validate.schemas import ColumnType, TableSchema
from csc_validate.tables import (
    PREVIOUS_SUFFIX,
    CellIssue,
    EarlierYear,
    InputFile,
    LoadedTable,
    Tables,
)

READABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xml"}


@dataclass(frozen=True)
class Source:
    path: Path | StandardInput
    display: str


@dataclass
class _File:
    """A file once its kind is known; XML files also know their root and so their collection."""

    source: Source
    kind: str
    root: str | None = None
    sheets: list[Sheet] | None = None
    root_line: int | None = None


@dataclass(frozen=True)
class _Read:
    found: list[Detected]
    inputs: list[InputFile]
    warnings: list[str]
    # The files holding at least one row of a table: {sha256: file as named}.
    filled: dict[str, str] = field(default_factory=dict)


def expand(paths: list[Path]) -> tuple[list[Source], list[str]]:
    """Files named directly, and the readable files of folders (sorted, hidden ones left out)."""
    sources: list[Source] = []
    notes: list[str] = []
    for path in paths:
        if standard_input.is_mark(path):
            sources.append(Source(standard_input.read(), standard_input.DISPLAY))
        elif path.is_dir():
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
    if sum(1 for path in [*paths, *(previous or [])] if standard_input.is_mark(path)) > 1:
        raise UsageError("`-` (standard input) can be given only once")
    sources, notes = expand(paths)
    if not sources:
        raise InputError(", ".join(map(str, paths)), "holds no CSV, XLSX or XML file")
    files = [_sniff(source) for source in sources]
    chosen = _collection(collection, files)
    candidates = _all_tables(chosen.name)
    current = _read(files, chosen, candidates)
    if not current.found:
        raise _no_table(chosen, files, [source.display for source in sources])
    _refuse_no_rows(current.found)
    forced = year
    year, why = _year(chosen, current.found, current.inputs, forced)
    last, earlier, last_notes = _previous_years(chosen, candidates, previous or [], year, current)
    year_notes = _year_mix_ups(chosen, year, forced, current.found, last.found)
    found, settled = chosen.settle_year(current.found, year)
    loaded, issues, warnings = build(chosen, year, found, last.found)
    inputs = list(current.inputs)
    inputs += [
        InputFile(i.file, i.sha256, i.tables, previous=True)
        for read in [last, *(read for _, read in earlier)]
        for i in read.inputs
    ]
    year_schema = schemas.load(chosen.name, year)
    missing = _missing(chosen, year_schema, loaded, "")
    if last.inputs:
        last_schema = _schema_or(chosen.name, previous_year(year), year_schema)
        missing += _missing(chosen, last_schema, loaded, PREVIOUS_SUFFIX)
    formats = {table.source_format for table in loaded.values() if table.name in year_schema.tables}
    return Tables(
        collection=chosen.name,
        year=year,
        tables=loaded,
        issues=tuple(issues),
        inputs=tuple(inputs),
        metadata={"file_format": "xml" if "xml" in formats else "csv", "year_source": why},
        notes=tuple(
            year_notes + settled + notes + current.warnings + last_notes + last.warnings + warnings
        )
        + tuple(id_spellings.notes(loaded, year_schema))
        + tuple(chosen.load_notes(loaded))
        + tuple(warning for _, read in earlier for warning in read.warnings)
        + _earlier_note(earlier),
        missing=missing,
        from_files=True,
        earlier=tuple(_earlier_year(chosen, year, read) for year, read in earlier),
    )


def _previous_years(
    chosen: Collection,
    candidates: dict[str, TableSchema],
    previous: list[Path],
    year: str,
    current: _Read,
) -> tuple[_Read, list[tuple[str, _Read]], list[str]]:
    """Last year's return, and earlier years' (latest first), from what --previous names.

    Each path given is recognised by its year, as this year's return is; a path whose year the
    data cannot tell (a header file alone) is last year's. Files of one year are one return, so
    two holding the same table are refused, as are a return of this year or a later one.
    """
    by_year: dict[str, list[_Read]] = {}
    notes: list[str] = []
    last = previous_year(year)
    for path in previous:
        sources, found_notes = expand([path])
        notes += found_notes
        read = _read([_sniff(source) for source in sources], chosen, candidates)
        inferred = chosen.infer_year(read.found) if read.found else None
        by_year.setdefault(inferred[0] if inferred is not None else last, []).append(read)
    merged = {group: _merge(reads) for group, reads in by_year.items()}
    # The same file as this year's is the plainer mistake: said before any year.
    every_year = {digest: file for read in merged.values() for digest, file in read.filled.items()}
    _refuse_same_return(current, _Read([], [], [], every_year))
    for group, read in merged.items():
        if group > last:
            _year_mix_ups(chosen, year, None, [], read.found)  # says why, and stops
    earlier = sorted(
        ((group, read) for group, read in merged.items() if group != last), reverse=True
    )
    return merged.get(last, _Read([], [], [])), earlier, notes


def _earlier_note(earlier: list[tuple[str, _Read]]) -> tuple[str, ...]:
    if not earlier:
        return ()
    years = ", ".join(
        f"{year} ({len(read.inputs)} file{'s' if len(read.inputs) != 1 else ''})"
        for year, read in earlier
    )
    return (f"earlier years given with --previous, for the rules that look further back: {years}",)


def _merge(reads: list[_Read]) -> _Read:
    found = [match for read in reads for match in read.found]
    one_per_table(found)
    return _Read(
        found,
        [given for read in reads for given in read.inputs],
        [warning for read in reads for warning in read.warnings],
        {digest: file for read in reads for digest, file in read.filled.items()},
    )


def _earlier_year(chosen: Collection, year: str, read: _Read) -> EarlierYear:
    """A year before last year, cast with its own schema (or the oldest one csc-validate has)."""
    oldest = schemas.load(chosen.name, schemas.available_years(chosen.name)[0])
    schema = _schema_or(chosen.name, year, oldest)
    loaded, _, _ = _cast(chosen, read.found, schema.tables, "", schema.year)
    frames = chosen.derive(
        {name: table.typed for name, table in loaded.items()},
        {name: table.source_format for name, table in loaded.items()},
    )
    return EarlierYear(year, frames)


def _missing(
    chosen: Collection, schema: schemas.YearSchema, loaded: dict[str, LoadedTable], suffix: str
) -> tuple[str, ...]:
    """The tables the collection requires in this year's schema that no file given holds."""
    return tuple(
        name + suffix
        for name in chosen.required_tables
        if name in schema.tables and name + suffix not in loaded
    )


def build(
    chosen: Collection, year: str, current: list[Detected], previous: list[Detected]
) -> tuple[dict[str, LoadedTable], list[CellIssue], list[str]]:
    """Cast this year's tables with the year's schema and last year's with its own, then add
    what the collection derives. Real files and rule test cases both come through here."""
    year_schema = schemas.load(chosen.name, year)
    loaded, issues, warnings = _cast(chosen, current, year_schema.tables, "", year)
    if previous:
        last_schema = _schema_or(chosen.name, previous_year(year), year_schema)
        # A table new this year (SSDA903's DoLO in 2026-27) given as last year's is read with
        # this year's columns: the rules that compare years then have it.
        last_tables = {**year_schema.tables, **last_schema.tables}
        last_loaded, _, last_warnings = _cast(
            chosen, previous, last_tables, PREVIOUS_SUFFIX, last_schema.year
        )
        loaded.update(last_loaded)
        warnings += last_warnings
    with _naming(_wheres([*current, *previous])):
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


def _sniff(source: Source) -> _File:
    with _naming(source.display):
        return _sniffed(source)


def _sniffed(source: Source) -> _File:
    file_kind = kind(source.path, source.display)
    if file_kind != "xml":
        return _File(source, file_kind)
    root, line = root_element(source.path, source.display)
    return _File(source, file_kind, root=root, root_line=line)


def _collection(name: str | None, files: list[_File]) -> Collection:
    """The collection named, else the one the XML roots or the CSV headers belong to."""
    forced = collections.get(name) if name is not None else None
    owners = {}
    for file in files:
        if file.root is not None:
            owners[file.source.display] = _owner(file, forced)
    if forced is not None:
        return forced
    distinct = {owner.name: owner for owner in owners.values()}
    if len(distinct) > 1:
        described = ", ".join(f"{file} is {owner.title}" for file, owner in owners.items())
        raise UsageError(
            f"the files belong to different returns ({described}); check one at a time"
        )
    if distinct:
        return next(iter(distinct.values()))
    return _collection_from_headers(files)


def _owner(file: _File, forced: Collection | None) -> Collection:
    assert file.root is not None
    owner = collections.owning_xml_root(file.root)
    namespace, _, local = (
        file.root[1:].partition("}") if file.root.startswith("{") else ("", "", "")
    )
    if owner is None and collections.owning_xml_root(local) is not None:
        raise InputError(
            file.source.display,
            f'has the root element <{local}> in the XML namespace "{namespace}", which DfE\'s '
            "returns do not use",
            line=file.root_line,
            expected=f"<{local}> with no xmlns attribute",
        )
    if owner is None:
        known = ", ".join(
            f"<{root}> ({chosen.name})"
            for chosen in collections.registry().values()
            for root in chosen.xml_readers
        )
        raise InputError(
            file.source.display,
            f"has the root element <{file.root}>, which is not a return csc-validate reads",
            line=file.root_line,
            expected=known,
        )
    if forced is not None and owner.name != forced.name:
        raise InputError(
            file.source.display,
            f"is {owner.title} (root <{file.root}>), not {forced.title} as --collection says",
            expected=f"{forced.title}, or --collection {owner.name}",
        )
    return owner


def _refuse_no_rows(found: list[Detected]) -> None:
    """Headers alone are no return to check: without this every rule would pass quietly."""
    if any(match.sheet.height for match in found):
        return
    first = found[0].sheet
    others = ", as has every other table given" if len(found) > 1 else ""
    raise InputError(
        first.where,
        f"has a header but no rows{others}",
        line=first.header_line if first.source_format != "xml" else None,
        expected="at least one row of data",
    )


def _no_table(chosen: Collection, files: list[_File], displays: list[str]) -> Exception:
    """Why nothing could be checked: the files are another return's, or no return's at all."""
    others = {name: score for name, score in _header_scores(files).items() if name != chosen.name}
    where = (
        displays[0] if len(displays) == 1 else f"{displays[0]} and {len(displays) - 1} more files"
    )
    if others:
        other = collections.get(max(others, key=lambda name: others[name]))
        verb = "holds" if len(displays) == 1 else "hold"
        return UsageError(
            f"{where} {verb} tables of {other.title}, not of {chosen.title}; "
            f"use --collection {other.name} or give {chosen.title}"
        )
    return InputError(
        where,
        f"holds no table of {chosen.title}: no file's columns match one of its tables",
        expected=f"files with the column headers of {chosen.title}'s tables",
    )


def _collection_from_headers(files: list[_File]) -> Collection:
    """The collection with the most sheets whose header holds one of its tables' key columns."""
    scores = _header_scores(files)
    if not scores:
        return collections.default()
    best = max(scores.values())
    leaders = [name for name, score in scores.items() if score == best]
    if len(leaders) > 1:
        raise UsageError(
            f"the files fit the tables of {' and '.join(leaders)} equally well; "
            "say which with --collection"
        )
    return collections.get(leaders[0])


def _header_scores(files: list[_File]) -> dict[str, int]:
    """For each collection, how many CSV or XLSX sheets hold one of its tables' key columns."""
    scores: dict[str, int] = {}
    for chosen in collections.registry().values():
        keys = [
            {normalise_header(c) for c in table.mandatory}
            for table in _all_tables(chosen.name).values()
        ]
        for file in files:
            for sheet in _sheets(file):
                header = {normalise_header(c) for c in sheet.columns}
                if any(key and key <= header for key in keys):
                    scores[chosen.name] = scores.get(chosen.name, 0) + 1
    return scores


def _sheets(file: _File) -> list[Sheet]:
    if file.sheets is None:
        with _naming(file.source.display):
            file.sheets = read_table_file(file.source.path, file.source.display, file.kind)
    return file.sheets


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


def _year(
    chosen: Collection, found: list[Detected], inputs: list[InputFile], forced: str | None
) -> tuple[str, str]:
    known = schemas.available_years(chosen.name)
    if forced is not None:
        try:
            parse_year(forced)
        except ValueError as error:
            raise UsageError(f"--year: {error}") from None
        if forced not in known:
            raise UsageError(f"no {chosen.name} rules for {forced} (supported: {', '.join(known)})")
        return forced, "chosen with --year"
    with _naming(_wheres(found)):
        inferred = chosen.infer_year(found)
    if inferred is None:
        # Often the dates are there but written another way: say so rather than only "no year".
        spelt = _misspelt_dates(chosen, found)
        read = "; ".join(
            f"{given.file}: {', '.join(given.tables) or 'no table'}" for given in inputs
        )
        raise UsageError(
            f"cannot tell the collection year from the data: it is read from {chosen.year_from}, "
            f"and the files read hold these tables ({read})"
            f"{': ' if spelt else ''}{'; '.join(spelt)}; "
            f"or give the year with --year (supported: {', '.join(known)})"
        )
    year, why = inferred
    if year not in known:
        raise UsageError(
            f"the data look like the {year} return ({why}), but csc-validate has rules for "
            f"{', '.join(known)} only; give the year with --year"
        )
    return year, f"inferred: {why}"


def _misspelt_dates(chosen: Collection, found: list[Detected]) -> list[str]:
    """What each date column written in a spelling the collection does not take holds."""
    tables = _all_tables(chosen.name)
    problems = []
    for match in found:
        schema = tables.get(match.table)
        if schema is None:
            continue
        for column in schema.columns:
            values = match.sheet.columns.get(normalise_header(column.name))
            if column.type is not ColumnType.DATE or values is None:
                continue
            spelling = foreign_date_spelling(
                pl.Series(values, dtype=pl.String), chosen.date_formats
            )
            if spelling is not None:
                line = match.sheet.lines[spelling.row]
                problems.append(
                    f"{match.sheet.where}, line {line}, {column.name}: "
                    + _spelling_problem(chosen, spelling)
                )
    return problems


def _refuse_same_return(current: _Read, last: _Read) -> None:
    """This year's return, or one of its files, given again as last year's is a mix-up,
    whatever the files' names.

    Judged only on files that hold rows: a council with no adoptions in either year has the
    same header-only AD1 file both years, which is normal.
    """
    shared = [digest for digest in last.filled if digest in current.filled]  # in file order
    if not shared:
        return
    if set(last.filled) == set(current.filled):
        pairs = [f"{last.filled[digest]} = {current.filled[digest]}" for digest in shared]
        shown = ", ".join(pairs[:3]) + (f" and {len(pairs) - 3} more" if len(pairs) > 3 else "")
        raise InputError(
            last.filled[shared[0]],
            "and the rest of last year's return are this year's return again: every file that "
            f"holds rows is identical to one of this year's ({shown})",
            expected="last year's return after --previous",
        )
    digest = shared[0]
    raise InputError(
        last.filled[digest],
        f"is the same file as {current.filled[digest]} (identical contents, with rows), given "
        "both as this year's return and with --previous",
        expected="last year's return after --previous",
    )


def _year_mix_ups(
    chosen: Collection,
    year: str,
    forced: str | None,
    current: list[Detected],
    last: list[Detected],
) -> list[str]:
    """Refuse last year's return when its data are not of the year before; say when --year
    disagrees with the data."""
    notes = []
    try:
        with _naming(_wheres(current)):
            inferred = chosen.infer_year(current)
    except InputError:
        if forced is None:
            raise
        inferred = None  # the data cannot tell the year, and --year says it
    if forced is not None and inferred is not None and inferred[0] != forced:
        notes.append(
            f"--year {forced} was given, but the data look like the {inferred[0]} return "
            f"({inferred[1]}): check that these are the files of {forced}"
        )
    if not last:
        return notes
    with _naming(_wheres(last)):
        last_inferred = chosen.infer_year(last)
    if last_inferred is None:
        return notes
    last_year, why = last_inferred
    expected = previous_year(year)
    if last_year == expected:
        return notes
    if last_year == year:
        problem = f"looks like the {year} return too ({why}), the same year as this return"
    elif last_year > year:
        problem = (
            f"looks like the {last_year} return ({why}), later than this {year} return: "
            "are this year's and last year's files swapped?"
        )
    else:
        problem = f"looks like the {last_year} return ({why}), not the year before {year}"
    raise UsageError(f"--previous: {problem} (expected the {expected} return)")


def _read(files: list[_File], chosen: Collection, candidates: dict[str, TableSchema]) -> _Read:
    found: list[Detected] = []
    inputs: list[InputFile] = []
    warnings: list[str] = []
    filled: dict[str, str] = {}
    for file in files:
        display = file.source.display
        if file.root is not None:
            _owner(file, chosen)
            with _naming(display):
                sheets, notes = chosen.xml_readers[file.root](file.source.path, display)
            warnings += notes
        else:
            sheets = _sheets(file)
        warnings += [note for sheet in sheets for note in sheet.notes]
        matches, skipped = detect(sheets, candidates)
        found += matches
        warnings += skipped
        digest = sha256(file.source.path, display)
        inputs.append(InputFile(display, digest, tuple(m.table for m in matches), False))
        if any(match.sheet.height for match in matches):
            filled[digest] = display
        file.sheets = None  # read once; nothing keeps the cells but the tables built from them
    one_per_table(found)
    return _Read(found, inputs, warnings, filled)


def _cast(
    chosen: Collection,
    found: list[Detected],
    tables: dict[str, TableSchema],
    suffix: str,
    year: str,
) -> tuple[dict[str, LoadedTable], list[CellIssue], list[str]]:
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
        with _naming(match.sheet.where):
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
        notes.append(f"{where}, line {line}, {column.name}: {_spelling_problem(chosen, spelling)}")
    return notes


def _spelling_problem(chosen: Collection, spelling: DateSpelling) -> str:
    return (
        f'"{spelling.value}": {spelling.count} of the {spelling.total} dates in this column '
        f"are written {spelling.label}, but {chosen.title} takes "
        f"{accepted_spellings(chosen.date_formats)}; re-export them in that form"
    )


def _holds_values(sheet: Sheet, column: str) -> bool:
    """Whether a column has any value (an XML reader lists every item it knows, even absent)."""
    return sheet.source_format != "xml" or any(v is not None for v in sheet.columns[column])


@contextmanager
def _naming(file: str) -> Iterator[None]:
    """Whatever goes wrong while a file is read or loaded names the file: an input problem as
    such (exit 2), anything else as a failure of csc-validate on that file."""
    try:
        yield
    except (InputError, UsageError, ReadError):
        raise
    except OSError as error:
        raise InputError(file, f"cannot be read: {error.strerror or error}") from error
    except Exception as error:
        raise ReadError(file, error, getattr(error, "line", None)) from error


def _wheres(found: list[Detected]) -> str:
    return ", ".join(dict.fromkeys(match.sheet.where for match in found)) or "the files given"


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
