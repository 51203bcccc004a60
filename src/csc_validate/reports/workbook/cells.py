"""Cells of the workbook: text that is never run as a formula, dates, fonts, links and widths."""

from collections.abc import Iterable
from datetime import date

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink

from csc_validate.reports.cells import is_formula_like
from csc_validate.severity import Severity

DATE_FORMAT = "DD/MM/YYYY"
HEADER_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
LINK_FONT = Font(color="0563C1", underline="single")
OFFENDING_FILL = PatternFill(fill_type="solid", fgColor="FFC7CE")
RELATED_FILL = PatternFill(fill_type="solid", fgColor="FFEB9C")
OFFENDING_FONT = Font(color="9C0006")
SEVERITY_FONT = {
    Severity.ERROR: Font(color="9C0006", bold=True),
    Severity.QUERY: Font(color="9C5700"),
}
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# Widths in characters: wide enough for any id or code, never so wide that one column fills a
# laptop screen (longer text wraps or is cut at the sheet's edge).
MIN_WIDTH, MAX_WIDTH = 6, 50
LINE_HEIGHT = 15


class Rows:
    """Appends rows to a sheet and counts them, for a row that needs its number."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.count = 0

    def append(self, row: list[object]) -> None:
        self.sheet.append(row)
        self.count += 1


def cell(sheet: WriteOnlyWorksheet, value: object, font: Font | None = None) -> Cell | None:
    made = text(sheet, value) if isinstance(value, str) else WriteOnlyCell(sheet, value)
    if made is not None and font is not None:
        made.font = font
    return made


def header(sheet: WriteOnlyWorksheet, titles: Iterable[str]) -> list[Cell | None]:
    return [cell(sheet, title, HEADER_FONT) for title in titles]


def text(sheet: WriteOnlyWorksheet, value: str | None) -> Cell | None:
    """Always a text cell: a value such as "=1+1" is shown, never run as a formula, and an id
    such as 0123 keeps its zero."""
    if value is None:
        return None
    made = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    made.data_type = "s"
    return made


def value(sheet: WriteOnlyWorksheet, written: str | None) -> object:
    """A value as written, as text."""
    if written is None:
        return None
    if is_formula_like(written) or ILLEGAL_CHARACTERS_RE.search(written):
        return text(sheet, written)
    return written


def date_cell(sheet: WriteOnlyWorksheet, read: date) -> Cell:
    made = WriteOnlyCell(sheet, read)
    made.number_format = DATE_FORMAT
    return made


def styled(made: Cell | None, alignment: Alignment) -> Cell | None:
    if made is not None:
        made.alignment = alignment
    return made


def link(made: Cell | None, location: str | None) -> Cell | None:
    """A link to a cell of this workbook, such as 'Episodes'!D12."""
    if made is not None and location is not None:
        made.hyperlink = Hyperlink(ref="", location=location)
        made.font = LINK_FONT
    return made


def link_font(font: Font) -> Font:
    """A font of this colour, underlined as a link."""
    return Font(color=font.color, bold=font.bold, underline="single")


def place(title: str, column: int, row: int) -> str:
    """A cell's address for a link: the sheet's name quoted as Excel wants."""
    return f"'{title.replace(chr(39), chr(39) * 2)}'!{get_column_letter(column)}{row}"


def widths(sheet: WriteOnlyWorksheet, sizes: list[int]) -> None:
    for position, size in enumerate(sizes, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = size


def lines(text: str | None, width: int) -> int:
    """About how many lines wrapped text takes in a column this wide (in characters)."""
    if not text:
        return 1
    per_line = max(1, width - 3)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def tall(sheet: WriteOnlyWorksheet, row: int, wrapped: list[tuple[str | None, int]]) -> None:
    """Row `row` made tall enough for its wrapped cells: a spreadsheet does not always fit the
    height of a row it opens, and wrapped text would be hidden under the next row."""
    count = max([1, *(lines(text, width) for text, width in wrapped)])
    if count > 1:
        sheet.row_dimensions[row].height = LINE_HEIGHT * count


def header_length(title: str) -> int:
    """A bold title's length in the characters of the plain text a width counts."""
    return len(title) + 1 + len(title) // 6


def fit(longest: int) -> int:
    """A column width for text of this many characters."""
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))
