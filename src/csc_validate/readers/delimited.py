"""Reads delimited text extracts (CSV, and tab- or semicolon-separated) into sheets."""

import csv
import io
import itertools

from csc_validate.errors import InputError
from csc_validate.readers import blank_rows
from csc_validate.readers.sheets import RowIssue, Sheet, normalise_header
from csc_validate.readers.text import decode

DELIMITERS = (",", "\t", ";", "|")
# A title or notes above the header sit in the first few rows; the header is among them.
HEADER_SEARCH = 10
# Far longer than any DfE value: a longer one means a quote or a line break went missing.
MAX_VALUE = 1_000_000
# The widest DfE table has a few dozen columns.
MAX_COLUMNS = 1000


def read(data: bytes, file: str) -> Sheet:
    """Read one delimited file; blank lines are skipped and every row keeps its source line.

    The header is the first of the opening rows that fills more than half as many cells as the
    widest of them: a title above it is passed over, and said.
    """
    text, _ = decode(data, file)
    if not text.strip():
        raise InputError(file, "is empty", expected="a header row naming the DfE columns")
    delimiter = _delimiter(text)
    csv.field_size_limit(MAX_VALUE)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    numbered: list[tuple[int, list[str]]] = []
    blank: list[int] = []
    last_line = 0
    record_line = 0
    try:
        for cells in reader:
            first_line, last_line = last_line + 1, reader.line_num
            record_line = first_line
            # One join, not a generator per row: this loop runs once per line of the file.
            if "".join(cells).strip():
                numbered.append((first_line, cells))
            else:
                blank.append(first_line)
    except csv.Error as error:
        if "field limit" in str(error):
            raise InputError(
                file,
                f"a value is longer than {MAX_VALUE} characters, so a quote or line break is "
                "probably missing",
                # Where the value starts, which a quote left open may have run on from.
                line=last_line + 1,
                expected=f"values of at most {MAX_VALUE} characters",
            ) from None
        raise InputError(
            file, f"is not a readable CSV file: {error}", line=reader.line_num
        ) from None
    if _ends_inside_quotes(text[_line_start(text, record_line) :], delimiter):
        raise InputError(
            file,
            "a quoted value opened here is never closed, so the file may have been cut short",
            line=record_line,
            expected='a closing " before the end of the file',
        )
    if not numbered:
        raise InputError(file, "is empty", expected="a header row naming the DfE columns")
    at = _header_position(numbered)
    header_line, header = numbered[at]
    if len(header) > MAX_COLUMNS:
        raise InputError(
            file,
            f"the header has {len(header)} columns",
            line=header_line,
            expected=f"at most {MAX_COLUMNS} columns",
        )
    names = [normalise_header(cell) for cell in header]
    _check_header(names, header, file, header_line)
    rows: list[list[str]] = []
    lines: list[int] = []
    issues: list[RowIssue] = []
    for first_line, cells in numbered[at + 1 :]:
        if len(cells) != len(names):
            cells = _fit(cells, len(names), file, first_line, len(rows), issues)
        rows.append(cells)
        lines.append(first_line)
    # Each row now has one cell per column, so the rows transpose; a blank cell is None.
    by_column = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    columns = {name: _shared(by_column[i]) for i, name in enumerate(names) if name}
    notes = []
    if at:
        above = ", ".join(str(line) for line, _ in numbered[:at])
        notes.append(
            f"{file}: line{'s' if at > 1 else ''} {above} above the header (line {header_line}) "
            f"{'were' if at > 1 else 'was'} not read as data"
        )
    between = (line for line in blank if line > header_line)
    notes += blank_rows.note(file, "line", between, lines[-1] if lines else None)
    return Sheet(
        file=file,
        columns=columns,
        lines=lines,
        header_line=header_line,
        issues=issues,
        notes=notes,
    )


def _shared(values: tuple[str, ...]) -> list[str | None]:
    """The column with one string object per distinct value, and None for a blank cell.

    The csv module makes a new string for every cell; a return's codes and dates repeat
    thousands of times, so sharing them lets the copies go as soon as the file is read, instead
    of holding every cell of every file until the tables are cast (a third of reading's peak
    memory)."""
    one_of_each = {value: value or None for value in values}
    return list(map(one_of_each.__getitem__, values))


def _line_start(text: str, line: int) -> int:
    """Where line `line` (from 1) starts in the text, its lines split as the csv module reads
    them; counted once at the end rather than line by line as the file is read."""
    before = itertools.islice(io.StringIO(text, newline=""), max(line - 1, 0))
    return sum(map(len, before))


def _ends_inside_quotes(last_record: str, delimiter: str) -> bool:
    """Whether the last record runs to the end of the file inside a quoted value.

    The lenient reader takes such a value up to the end of the file without a word, so the
    record is read again strictly, which says so.
    """
    if '"' not in last_record:
        return False
    strict = csv.reader(io.StringIO(last_record, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _header_position(numbered: list[tuple[int, list[str]]]) -> int:
    opening = [sum(1 for cell in cells if cell.strip()) for _, cells in numbered[:HEADER_SEARCH]]
    widest = max(opening)
    return next(i for i, filled in enumerate(opening) if filled * 2 > widest)


def _delimiter(text: str) -> str:
    """DfE's files are comma separated; some exports use tabs or semicolons instead.

    Judged on the first line, unless every line after it in the opening holds fewer of that
    line's separator and as many of another: then the first line is a title ("Extract
    run;Leeds" above a comma-separated header), and the lines after it decide.
    """
    lines = itertools.islice(io.StringIO(text), HEADER_SEARCH * 10)
    opening = [line for line in lines if line.strip()][:HEADER_SEARCH]
    if not opening:
        return ","
    first, *rest = opening
    chosen = _best_delimiter(first)
    if rest and all(line.count(chosen) < first.count(chosen) for line in rest):
        below = _best_delimiter(rest[0])
        # Only when the lines below agree: a line break inside a quoted value splits a record.
        if len({line.count(below) for line in rest}) == 1 and rest[0].count(below):
            return below
    return chosen


def _best_delimiter(line: str) -> str:
    counts = {delimiter: line.count(delimiter) for delimiter in DELIMITERS}
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
