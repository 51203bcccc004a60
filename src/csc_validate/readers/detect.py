"""Finds which table a sheet holds from its header columns, never from its file name."""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from csc_validate.errors import InputError
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.schemas import TableSchema

# A sheet whose columns all belong to one table, and are at least this many, is that table
# with columns missing, not some unrelated file: the user is told what is missing.
NEAR_MATCH_COLUMNS = 2


@dataclass(frozen=True)
class Detected:
    table: str
    sheet: Sheet
    missing: tuple[str, ...]
    extra: tuple[str, ...]


def detect(sheets: list[Sheet], tables: dict[str, TableSchema]) -> tuple[list[Detected], list[str]]:
    """Match each sheet to one table; returns the matches and warnings for sheets skipped.

    Raises InputError when a sheet lacks a mandatory column of the table it resembles.
    """
    found: list[Detected] = []
    warnings: list[str] = []
    for sheet in sheets:
        match = _match_or_header_below(sheet, tables)
        if match is not None and match.sheet is not sheet:
            warnings += match.sheet.notes[len(sheet.notes) :]  # the line taken for the header
        if match is None:
            header = ", ".join(sheet.columns) or "no columns"
            warnings.append(f"{sheet.where}: skipped, its columns ({header}) match no table")
            continue
        found.append(match)
    return found, warnings


def one_per_table(found: list[Detected]) -> None:
    """Raise InputError naming both sheets when two hold the same table."""
    by_table: dict[str, Detected] = {}
    for match in found:
        if match.table in by_table:
            first = by_table[match.table].sheet.where
            raise InputError(
                match.sheet.where,
                f"holds the {match.table} table, which {first} holds too",
                expected="one file per table: remove or merge one of them",
            )
        by_table[match.table] = match


def _names(columns: Iterable[str]) -> set[str]:
    """Column names as compared, whatever their case and spacing."""
    return {normalise_header(name) for name in columns}


def _match_or_header_below(sheet: Sheet, tables: dict[str, TableSchema]) -> Detected | None:
    """The sheet's table; when its header names none, the table the row below names, if any.

    Some extracts put a row of display names ("Child ID, Date episode commenced") above DfE's
    header: the DfE row is taken for the header, and the user is told which line was.
    """
    try:
        match = _match(sheet, tables)
    except InputError:
        below = _header_below(sheet)
        match = _match(below, tables) if below is not None else None
        if match is None:
            raise
        return match
    if match is not None:
        return match
    below = _header_below(sheet)
    if below is None:
        return None
    try:
        return _match(below, tables)
    except InputError:
        return None  # the row below is no header either: the sheet is skipped as it is


def _header_below(sheet: Sheet) -> Sheet | None:
    """The sheet read with its first row for the header, or None when that row cannot be one."""
    if sheet.table is not None or sheet.height < 1:
        return None
    first = [values[0] for values in sheet.columns.values()]
    names = [normalise_header(value) for value in first if value is not None]
    if len(set(names)) != len(names) or len(names) < NEAR_MATCH_COLUMNS:
        return None
    columns = {
        normalise_header(values[0]): values[1:]
        for values in sheet.columns.values()
        if values[0] is not None
    }
    shown = ", ".join(list(sheet.columns)[:3])
    note = (
        f"{sheet.where}: line {sheet.header_line} ({shown}, ...) names no DfE column set; "
        f"line {sheet.lines[0]}, which does, was taken for the header, and the lines above it "
        "were not read as data"
    )
    issues = [replace(issue, row=issue.row - 1) for issue in sheet.issues if issue.row > 0]
    return replace(
        sheet,
        columns=columns,
        lines=sheet.lines[1:],
        header_line=sheet.lines[0],
        issues=issues,
        notes=[*sheet.notes, note],
    )


def _match(sheet: Sheet, tables: dict[str, TableSchema]) -> Detected | None:
    header = _names(sheet.columns)
    if sheet.table is not None:
        schema = tables.get(sheet.table)
        if schema is None:
            return None
        return _detected(sheet.table, sheet, schema, header)
    candidates = [
        (len(header & _names(schema.file_columns)), name)
        for name, schema in tables.items()
        if _names(schema.mandatory) <= header
    ]
    if candidates:
        best = max(score for score, _ in candidates)
        names = sorted(name for score, name in candidates if score == best)
        if len(names) > 1:
            raise InputError(
                sheet.where,
                f"has columns that fit the tables {' and '.join(names)} equally well",
                line=sheet.header_line,
                expected="the column set of exactly one DfE table",
            )
        return _detected(names[0], sheet, tables[names[0]], header)
    _raise_if_near_miss(sheet, tables, header)
    return None


def _detected(table: str, sheet: Sheet, schema: TableSchema, header: set[str]) -> Detected:
    columns = schema.file_columns
    if sheet.table is not None and not sheet.height:
        # A table a reader names (an XML return's) but without rows: present, lacking nothing.
        return Detected(table=table, sheet=sheet, missing=(), extra=())
    missing = tuple(name for name in columns if normalise_header(name) not in header)
    absent_mandatory = [name for name in schema.mandatory if normalise_header(name) not in header]
    if absent_mandatory:
        raise _missing_columns(sheet, table, absent_mandatory, columns)
    known = _names(columns)
    extra = tuple(sorted(name for name in sheet.columns if normalise_header(name) not in known))
    return Detected(table=table, sheet=sheet, missing=missing, extra=extra)


def _raise_if_near_miss(sheet: Sheet, tables: dict[str, TableSchema], header: set[str]) -> None:
    """A sheet most of whose columns belong to one table is that table with columns missing or
    misspelt: an error naming them, never a file skipped in silence."""
    scored = []
    for name, schema in tables.items():
        columns = _names(schema.file_columns)
        shared = len(header & columns)
        if shared >= NEAR_MATCH_COLUMNS and shared * 2 > len(header):
            scored.append((shared, shared / len(columns), name))
    if not scored:
        return
    *_, table = max(scored)
    schema = tables[table]
    absent = [name for name in schema.mandatory if normalise_header(name) not in header]
    known = _names(schema.column_names)
    unknown = [name for name in sheet.columns if normalise_header(name) not in known]
    raise _missing_columns(sheet, table, absent, schema.file_columns, unknown)


def _missing_columns(
    sheet: Sheet,
    table: str,
    absent: list[str],
    columns: tuple[str, ...],
    unknown: list[str] | None = None,
) -> InputError:
    plural = "s" if len(absent) > 1 else ""
    problem = (
        f"looks like the {table} table but lacks the mandatory column{plural} {', '.join(absent)}"
    )
    guesses = _likely_names(absent, unknown or [])
    if guesses:
        problem += "; " + ", ".join(
            f"is {found} meant to be {wanted}?" for found, wanted in guesses
        )
    elif unknown:
        problem += f"; {', '.join(unknown)} {'are' if len(unknown) > 1 else 'is'} not a DfE column"
    return InputError(
        sheet.where,
        problem,
        line=sheet.header_line,
        expected=f"the columns {', '.join(columns)}",
    )


def _likely_names(absent: list[str], unknown: list[str]) -> list[tuple[str, str]]:
    """(column in the file, DfE column it probably stands for): one unknown name for one missing
    column, or a name close in spelling (CHILD_ID for CHILD)."""
    if len(absent) == 1 and len(unknown) == 1:
        return [(unknown[0], absent[0])]
    pairs = []
    for wanted in absent:
        close = difflib.get_close_matches(wanted, unknown, n=1, cutoff=0.6)
        if close:
            pairs.append((close[0], wanted))
    return pairs
