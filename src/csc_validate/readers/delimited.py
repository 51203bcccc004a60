"""Reads delimited text extracts (CSV, and tab- or semicolon-separated) into sheets."""

import csv
import io

from csc_validate.errors import InputError
from csc_validate.readers.sheets import RowIssue, Sheet, normalise_header
from csc_validate.readers.text import decode

DELIMITERS = (",", "\t", ";", "|")


def read(data: bytes, file: str) -> Sheet:
    """Read one delimited file; blank lines are skipped and every row keeps its source line."""
    text, _ = decode(data, file)
    if not text.strip():
        raise InputError(file, "is empty", expected="a header row naming the DfE columns")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    header: list[str] | None = None
    header_line = 1
    names: list[str] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    issues: list[RowIssue] = []
    last_line = 0
    try:
        for cells in reader:
            first_line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header, header_line = cells, first_line
                names = [normalise_header(cell) for cell in header]
                _check_header(names, header, file, header_line)
                continue
            if len(cells) != len(names):
                cells = _fit(cells, len(names), file, first_line, len(rows), issues)
            rows.append(cells)
            lines.append(first_line)
    except csv.Error as error:
        raise InputError(
            file, f"is not a readable CSV file: {error}", line=reader.line_num
        ) from None
    if header is None:
        raise InputError(file, "is empty", expected="a header row naming the DfE columns")
    columns = {
        name: [cells[i] if cells[i] != "" else None for cells in rows]
        for i, name in enumerate(names)
        if name
    }
    return Sheet(file=file, columns=columns, lines=lines, header_line=header_line, issues=issues)


def _delimiter(text: str) -> str:
    """DfE's files are comma separated; some exports use tabs or semicolons instead."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


def _check_header(names: list[str], header: list[str], file: str, line: int) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(names):
        if name in seen and name:
            raise InputError(
                file,
                f"appears twice in the header (columns {seen[name] + 1} and {position + 1})",
                line=line,
                value=header[position].strip(),
                expected="each column once",
            )
        seen[name] = position


def _fit(
    cells: list[str], width: int, file: str, line: int, row: int, issues: list[RowIssue]
) -> list[str]:
    """Pad a short row; a long row keeps its first `width` cells and is reported, even when its
    extra fields are blank: a comma inside a value shifts the columns after it all the same."""
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    extra = cells[width:]
    why = (
        "an unquoted comma inside a value shifts the columns after it"
        if any(cell.strip() for cell in extra)
        else "the extra fields are blank, but an unquoted comma inside a value may have shifted "
        "the columns after it into them"
    )
    issues.append(
        RowIssue(
            code="CSC004",
            line=line,
            row=row,
            detail=f"{len(cells)} fields where the header has {width}; {why}",
        )
    )
    return cells[:width]
