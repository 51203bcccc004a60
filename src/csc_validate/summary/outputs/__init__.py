"""The summary's outputs: each renders the same Summary; a format is one module here."""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from csc_validate.errors import UsageError
from csc_validate.summary.model import Summary
from csc_validate.summary.outputs import csv_table, html_page, json_document, terminal


def _workbook(summary: Summary, destination: Path | None) -> None:
    from csc_validate.summary.outputs import workbook  # openpyxl is slow to import: only here

    workbook.write(summary, destination)


class SummaryFormat(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    HTML = "html"


WRITERS: dict[SummaryFormat, Callable[[Summary, Path | None], None]] = {
    SummaryFormat.TERMINAL: terminal.write,
    SummaryFormat.JSON: json_document.write,
    SummaryFormat.CSV: csv_table.write,
    SummaryFormat.XLSX: _workbook,
    SummaryFormat.HTML: html_page.write,
}
EXTENSIONS = {
    ".txt": SummaryFormat.TERMINAL,
    ".json": SummaryFormat.JSON,
    ".csv": SummaryFormat.CSV,
    ".xlsx": SummaryFormat.XLSX,
    ".html": SummaryFormat.HTML,
    ".htm": SummaryFormat.HTML,
}


def format_for(destination: Path | None, given: SummaryFormat | None) -> SummaryFormat:
    """The format asked for, else the one the file's extension names, else the terminal."""
    if given is not None:
        return given
    if destination is None:
        return SummaryFormat.TERMINAL
    found = EXTENSIONS.get(destination.suffix.lower())
    if found is None:
        known = ", ".join(EXTENSIONS)
        raise UsageError(f"--output {destination}: give --format, or one of {known}")
    return found


def write(
    summary: Summary, fmt: SummaryFormat, destination: Path | None, breakdowns: bool = True
) -> None:
    """One output; `breakdowns` False keeps the terminal's table to the headline figures (the
    other formats always hold every breakdown)."""
    if fmt is SummaryFormat.XLSX and destination is None:
        raise UsageError("a workbook needs --output FILE.xlsx")
    if fmt is SummaryFormat.TERMINAL:
        terminal.write(summary, destination, breakdowns)
        return
    WRITERS[fmt](summary, destination)
