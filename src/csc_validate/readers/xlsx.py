"""Reads XLSX workbooks: every sheet with a header row is a candidate table."""

import datetime as dt
import io
import itertools
import zipfile

from openpyxl import load_workbook

from csc_validate.errors import InputError
from csc_validate.readers.sheets import RowIssue, Sheet, normalise_header

# A title or notes above the header sit in the first few rows; the header is among them.
HEADER_SEARCH_ROWS = 10


def read(data: bytes, file: str) -> list[Sheet]:
    """One Sheet per worksheet that has a header row; line numbers are Excel row numbers."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputError(file, f"is not a readable XLSX workbook ({error})") from None
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            sheet = _read_sheet(worksheet.iter_rows(values_only=True), file, worksheet.title)
            if sheet is not None:
                sheets.append(sheet)
    finally:
        workbook.close()
    return sheets


def _read_sheet(rows, file: str, title: str) -> Sheet | None:
    """The sheet's table: its header is the first of the opening rows that fills more than half
    as many cells as the widest of them, so that a title or a note above the header is passed
    over (and said), while a data row with a stray value does not outbid the header."""
    opening: list[tuple[int, list[str | None]]] = []
    rest = iter(rows)
    for number, values in enumerate(rest, start=1):
        texts = [_text(value) for value in values]
        if any(texts):
            opening.append((number, texts))
        if len(opening) == HEADER_SEARCH_ROWS:
            break
    if not opening:
        return None
    widest = max(_filled(texts) for _, texts in opening)
    at = next(i for i, (_, texts) in enumerate(opening) if _filled(texts) * 2 > widest)
    header_line, header = opening[at]
    names = [normalise_header(text) for text in header]
    cells_by_column: list[list[str | None]] = [[] for _ in names]
    lines: list[int] = []
    issues: list[RowIssue] = []
    following = ((number, texts) for number, texts in opening[at + 1 :])
    remaining = (
        (number, [_text(value) for value in values])
        for number, values in enumerate(rest, start=opening[-1][0] + 1)
    )
    for number, texts in itertools.chain(following, remaining):
        if not any(texts):
            continue
        unheaded = [
            text
            for position, text in enumerate(texts)
            if text is not None and (position >= len(names) or not names[position])
        ]
        if unheaded:
            issues.append(
                RowIssue(
                    code="CSC004",
                    line=number,
                    row=len(lines),
                    detail=f"{len(unheaded)} values in columns without a header name, not read: "
                    + ", ".join(unheaded[:3]),
                )
            )
        texts = texts + [None] * (len(names) - len(texts))
        for position, column in enumerate(cells_by_column):
            column.append(texts[position])
        lines.append(number)
    columns = {name: cells_by_column[i] for i, name in enumerate(names) if name}
    notes = []
    if at:
        above = ", ".join(str(number) for number, _ in opening[:at])
        notes.append(
            f"{file} (sheet {title}): row{'s' if at > 1 else ''} {above} above the header "
            f"(row {header_line}) {'were' if at > 1 else 'was'} not read as data"
        )
    return Sheet(
        file=file,
        sheet=title,
        columns=columns,
        lines=lines,
        header_line=header_line,
        source_format="xlsx",
        issues=issues,
        notes=notes,
    )


def _filled(texts: list[str | None]) -> int:
    return sum(1 for text in texts if text is not None)


def _text(value: object) -> str | None:
    """Cells as the DfE CSV would write them: dates dd/mm/yyyy, whole numbers without '.0'."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text.strip() else None
