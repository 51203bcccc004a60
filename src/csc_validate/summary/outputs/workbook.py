"""The summary as a workbook: the figures (headlines), every breakdown, and the definitions."""

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate import atomic
from csc_validate.errors import UsageError
from csc_validate.reports.cells import is_formula_like
from csc_validate.reports.excel import _deterministic
from csc_validate.summary.model import Summary
from csc_validate.summary.outputs.rows import COLUMNS, cells, heading

BOLD = Font(bold=True)
HEADLINE_COLUMNS = (
    "id",
    "label",
    "counts",
    "value",
    "share",
    "previous",
    "change",
    "flag",
    "data_quality",
    "warning",
    "note",
)
DEFINITION_COLUMNS = ("id", "label", "counts", "dfe_table", "definition")


def render(summary: Summary) -> bytes:
    book = Workbook(write_only=True)
    headlines = book.create_sheet("Figures")
    _widths(headlines, HEADLINE_COLUMNS)
    _title(headlines, heading(summary), summary)
    _rows(headlines, HEADLINE_COLUMNS, [cells(e) for e in summary.headlines()])
    breakdowns = book.create_sheet("Breakdowns")
    _widths(breakdowns, COLUMNS[:11])
    _rows(breakdowns, COLUMNS[:11], [cells(e) for e in summary.figures])
    definitions = book.create_sheet("Definitions")
    _widths(definitions, DEFINITION_COLUMNS)
    _rows(definitions, DEFINITION_COLUMNS, [cells(e) for e in summary.headlines()])
    book.properties.creator = "csc-validate"
    buffer = io.BytesIO()
    book.save(buffer)
    # The same summary gives the same bytes: fixed zip times and document dates.
    return _deterministic(buffer.getvalue())


def _title(sheet: WriteOnlyWorksheet, text: str, summary: Summary) -> None:
    title = WriteOnlyCell(sheet, value=text)
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    for note in summary.notes:
        sheet.append([note])
    sheet.append([])


WIDTHS = {"id": 34, "label": 60, "definition": 90, "dfe_table": 60, "note": 60, "warning": 50}


def _widths(sheet: WriteOnlyWorksheet, columns: tuple[str, ...]) -> None:
    """Set before the first row: a write-only sheet writes its columns' widths then."""
    for index, name in enumerate(columns, start=1):
        width = WIDTHS.get(name, 50 if name == "data_quality" else 14)
        sheet.column_dimensions[get_column_letter(index)].width = width


def _rows(sheet: WriteOnlyWorksheet, columns: tuple[str, ...], rows: list[dict]) -> None:
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = BOLD
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_value(sheet, row[name]) for name in columns])


def _value(sheet: WriteOnlyWorksheet, value: object) -> object:
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        # Text that looks like a formula stays text.
        if is_formula_like(value):
            cell.data_type = "s"
        return cell
    return value


def write(summary: Summary, destination: Path | None) -> None:
    if destination is None:
        raise UsageError("a workbook needs --output FILE.xlsx")
    atomic.write_bytes(destination, render(summary))
