"""What every reader produces: a sheet of text cells with the source line of each row."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowIssue:
    """A row that could be read, but not cleanly: it becomes a finding, not a crash."""

    code: str
    line: int
    row: int
    detail: str


@dataclass
class Sheet:
    """One table's worth of rows from one source: a CSV file, an XLSX sheet or part of an XML file.

    `columns` maps the normalised header name (upper case, no spaces) to the cells as written;
    a blank cell is None. `lines` holds each row's 1-based line in the file (the CSV header is
    line 1; for XML, the record element's line).
    """

    file: str
    columns: dict[str, list[str | None]]
    lines: list[int]
    sheet: str | None = None
    table: str | None = None
    xpaths: list[str] | None = None
    header_line: int = 1
    source_format: str = "csv"
    issues: list[RowIssue] = field(default_factory=list)
    # What the reader passed over and the user should know (a title row above the header).
    notes: list[str] = field(default_factory=list)
    hidden: bool = False

    @property
    def where(self) -> str:
        if not self.sheet:
            return self.file
        # A hidden sheet is read like any other; the user may not know it is there.
        return f"{self.file} ({'hidden sheet' if self.hidden else 'sheet'} {self.sheet})"

    @property
    def height(self) -> int:
        return len(self.lines)


def normalise_header(name: object) -> str:
    """Header names match whatever their case, spacing or BOM: ' dob ' and 'DOB' are one column."""
    text = "" if name is None else str(name)
    return "".join(text.replace("\ufeff", "").split()).upper()
