"""Reads XLSX workbooks: every sheet with a header row is a candidate table."""

import datetime as dt
import io
import itertools
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from csc_validate.errors import InputError
from csc_validate.readers import blank_rows
from csc_validate.readers.sheets import RowIssue, Sheet, normalise_header

# A title or notes above the header sit in the first few rows; the header is among them.
HEADER_SEARCH_ROWS = 10
WORKBOOK_PART = "xl/workbook.xml"
# Markup worth a closer look: a formula, or cells merged into one.
FORMULA_OR_MERGE = re.compile(rb"<(?:\w+:)?(?:f[\s>/]|mergeCell\b)")
SCAN_CHUNK = 1 << 20
CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class _SheetMarkup:
    """What the cached values alone do not show: merged ranges and formulas never calculated."""

    merged: list[str] = field(default_factory=list)
    uncalculated: list[tuple[str, str]] = field(default_factory=list)


def read(data: bytes, file: str) -> list[Sheet]:
    """One Sheet per worksheet that has a header row; line numbers are Excel row numbers."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(
            file, f"is not a readable XLSX workbook, so it may be damaged or cut short ({error})"
        ) from None
    names = archive.namelist()
    if WORKBOOK_PART not in names:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise InputError(
            file,
            f"is a ZIP archive, not an XLSX workbook (it holds {shown or 'nothing'})",
            expected="a CSV file, or the XLSX workbook itself: unzip the archive first",
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputError(file, f"is not a readable XLSX workbook ({error})") from None
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            # NOTE: read-only mode stops at the size the sheet records (<dimension ref="A1:M10">),
            # which some tools write smaller than the content: forget it, and read every row.
            recorded = worksheet.calculate_dimension() if worksheet.max_row is not None else None
            worksheet.reset_dimensions()
            read_sheet = _read_sheet(worksheet.iter_rows(values_only=True), file, worksheet.title)
            if read_sheet is None:
                continue
            sheet, header = read_sheet
            _note_short_dimension(sheet, recorded)
            sheet.hidden = worksheet.sheet_state != "visible"
            part = getattr(worksheet, "_worksheet_path", None)
            if part in names:
                _refuse_hidden_values(sheet, header, _markup(archive, part, file))
            sheets.append(sheet)
    finally:
        workbook.close()
    if not sheets:
        raise InputError(
            file,
            "has nothing in any of its sheets",
            expected="a sheet whose first row names the DfE columns",
        )
    return sheets


def _read_sheet(rows, file: str, title: str) -> tuple[Sheet, list[str]] | None:
    """The sheet's table: its header is the first of the opening rows that fills more than half
    as many cells as the widest of them, so that a title or a note above the header is passed
    over (and said), while a data row with a stray value does not outbid the header."""
    opening: list[tuple[int, list[str | None]]] = []
    opening_blank: list[int] = []
    rest = iter(rows)
    for number, values in enumerate(rest, start=1):
        texts = [_text(value) for value in values]
        if any(texts):
            opening.append((number, texts))
        else:
            opening_blank.append(number)
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
    blank = [number for number in opening_blank if number > header_line]
    for number, texts in itertools.chain(following, remaining):
        if not any(texts):
            blank.append(number)
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
    notes += blank_rows.note(f"{file} (sheet {title})", "row", blank, lines[-1] if lines else None)
    sheet = Sheet(
        file=file,
        sheet=title,
        columns=columns,
        lines=lines,
        header_line=header_line,
        source_format="xlsx",
        issues=issues,
        notes=notes,
    )
    return sheet, names


def _note_short_dimension(sheet: Sheet, recorded: str | None) -> None:
    """Say so when the sheet's recorded size leaves out rows it holds: they were read, but the
    tool that wrote the workbook may have meant to drop them, and a reader trusting the size
    (Excel does not) would miss them."""
    if recorded is None or not sheet.lines:
        return
    try:
        _, _, _, last_row = range_boundaries(recorded)
    except ValueError:
        return
    beyond = sum(1 for line in sheet.lines if last_row is not None and line > last_row)
    if beyond:
        sheet.notes.append(
            f"{sheet.where}: the workbook records the sheet's size as {recorded}, but it holds "
            f"{beyond} more rows of data, to row {sheet.lines[-1]}; every row was read"
        )


def _markup(archive: zipfile.ZipFile, part: str, file: str) -> _SheetMarkup:
    """Merged ranges and formulas without a saved value; the sheet is parsed only if it has any."""
    found = _SheetMarkup()
    with archive.open(part) as stream:
        tail = b""
        while chunk := stream.read(SCAN_CHUNK):
            if FORMULA_OR_MERGE.search(tail + chunk):
                break
            tail = chunk[-32:]
        else:
            return found
    with archive.open(part) as stream:
        parser = etree.iterparse(
            stream,
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        try:
            for _, element in parser:
                name = etree.QName(element).localname
                if name == "mergeCell":
                    found.merged.append(element.get("ref", ""))
                elif name == "c":
                    formula = _uncalculated(element)
                    if formula is not None:
                        found.uncalculated.append((element.get("r", ""), formula))
                    element.clear()
        except etree.XMLSyntaxError as error:
            raise InputError(file, f"is not a readable XLSX workbook ({error.msg})") from None
    return found


def _uncalculated(cell: etree._Element) -> str | None:
    """The cell's formula when the file holds no value for it (never opened in Excel, say)."""
    formula = value = None
    for child in cell:
        name = etree.QName(child).localname
        if name == "f":
            formula = child.text or ""
        elif name == "v":
            value = child.text
    if formula is None or value not in (None, ""):
        return None
    # A shared formula's later cells carry no text of their own; they still hold no value.
    return formula or "(shared formula)"


def _refuse_hidden_values(sheet: Sheet, header: list[str], markup: _SheetMarkup) -> None:
    """Raise when values of the rows cannot be read as they appear in Excel."""
    for reference in markup.merged:
        try:
            _, first_row, _, last_row = range_boundaries(reference)
        except ValueError:
            continue
        if last_row is not None and last_row > sheet.header_line:
            raise InputError(
                sheet.where,
                f"has merged cells {reference} among its rows, so only the first of them "
                "holds a value",
                line=max(first_row or 1, sheet.header_line + 1),
                expected="one value per cell: unmerge them",
            )
    for reference, formula in markup.uncalculated:
        matched = CELL_REFERENCE.fullmatch(reference)
        if matched is None or int(matched[2]) <= sheet.header_line:
            continue
        position = column_index_from_string(matched[1]) - 1
        raise InputError(
            sheet.where,
            "is a formula with no saved value",
            line=int(matched[2]),
            field=header[position] if position < len(header) and header[position] else matched[1],
            value=formula if formula.startswith("(") else f"={formula}",
            expected="the workbook saved by Excel, which stores each formula's value, "
            "or values instead of formulas",
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
