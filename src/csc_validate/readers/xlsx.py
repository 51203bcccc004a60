"""Reads XLSX workbooks: every sheet with a header row is a candidate table."""

import datetime as dt
import io
import zipfile

from openpyxl import load_workbook

from csc_validate.errors import InputError
from csc_validate.readers.sheets import Sheet, normalise_header


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
    names: list[str] | None = None
    header_line = 1
    cells_by_column: list[list[str | None]] = []
    lines: list[int] = []
    for number, values in enumerate(rows, start=1):
        texts = [_text(value) for value in values]
        if not any(texts):
            continue
        if names is None:
            names, header_line = [normalise_header(text) for text in texts], number
            cells_by_column = [[] for _ in names]
            continue
        texts += [None] * (len(names) - len(texts))
        for position, column in enumerate(cells_by_column):
            column.append(texts[position])
        lines.append(number)
    if names is None:
        return None
    columns = {name: cells_by_column[i] for i, name in enumerate(names) if name}
    return Sheet(
        file=file,
        sheet=title,
        columns=columns,
        lines=lines,
        header_line=header_line,
        source_format="xlsx",
    )


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
