"""Which CIN census year a file describes: its header says so."""

import re
from dataclasses import replace

from csc_validate.collections.cin.dates import DATE_FORMATS
from csc_validate.errors import InputError
from csc_validate.periods import FINANCIAL_YEAR
from csc_validate.readers.casting import read_date
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import Sheet

FOUR_DIGITS = re.compile(r"^\d{4}$")


def infer_year(found: list[Detected]) -> tuple[str, str] | None:
    """The census year from Header/CollectionDetails: Year is the year the census ends in
    (2026 for 2025-26); without a readable Year, the year holding the ReferenceDate.

    A census has one Header: with two (last year's left in before this year's) the year cannot
    be told, and the user is asked to say which is meant.
    """
    header = _header(found)
    if header is None:
        return None
    if header.sheet.height > 1:
        raise _several_headers(header.sheet, "say which year is meant with --year")
    return _row_year(header.sheet, 0)


def keep_year_header(found: list[Detected], year: str) -> tuple[list[Detected], list[str]]:
    """With two Headers and the year given, the census is that year's Header and the rest."""
    header = _header(found)
    if header is None or header.sheet.height < 2:
        return found, []
    sheet = header.sheet
    years = [_row_year(sheet, row) for row in range(sheet.height)]
    chosen = [row for row, said in enumerate(years) if said is not None and said[0] == year]
    if len(chosen) != 1:
        raise _several_headers(sheet, f"one Header of {year}, as --year says")
    row = chosen[0]
    others = ", ".join(str(line) for at, line in enumerate(sheet.lines) if at != row)
    note = (
        f"{sheet.where}, line {sheet.lines[row]}: the Header of {year} is read, as --year says; "
        f"the other Header (line {others}) is not"
    )
    kept = replace(
        sheet,
        columns={name: [values[row]] for name, values in sheet.columns.items()},
        lines=[sheet.lines[row]],
        xpaths=[sheet.xpaths[row]] if sheet.xpaths else None,
        issues=[],
    )
    return [replace(match, sheet=kept) if match is header else match for match in found], [note]


def _header(found: list[Detected]) -> Detected | None:
    return next((m for m in found if m.table == "Header" and m.sheet.height), None)


def _row_year(sheet: Sheet, row: int) -> tuple[str, str] | None:
    where = sheet.where
    columns = {name.upper(): values for name, values in sheet.columns.items()}
    ends = (columns.get("YEAR") or [None] * (row + 1))[row]
    if ends is not None and FOUR_DIGITS.match(ends.strip()):
        first = int(ends.strip()) - 1
        return f"{first}-{(first + 1) % 100:02d}", f"the header of {where} gives Year {ends}"
    reference = (columns.get("REFERENCEDATE") or [None] * (row + 1))[row]
    day = read_date(reference, DATE_FORMATS)
    if day is not None:
        why = f"the header of {where} gives ReferenceDate {reference.strip()}"  # type: ignore[union-attr]
        return FINANCIAL_YEAR.containing(day), why
    return None


def _several_headers(sheet: Sheet, expected: str) -> InputError:
    described = []
    for row, line in enumerate(sheet.lines):
        said = _row_year(sheet, row)
        described.append(f"line {line} ({said[0] if said else 'no readable year'})")
    return InputError(
        sheet.where,
        f"has {sheet.height} census Headers, at {' and '.join(described)}, where a census has "
        "one (last year's left in?)",
        line=sheet.lines[1],
        expected=f"the Header of this census only, or {expected}",
    )
