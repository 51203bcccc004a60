"""Every output renders the same Report; a format is one module and one member here."""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from csc_validate.errors import UsageError
from csc_validate.findings import Report
from csc_validate.reports import (
    csv_report,
    excel,
    github,
    html,
    json_report,
    junit,
    sarif,
    terminal,
)
from csc_validate.reports.options import Options


class Format(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"
    CSV = "csv"
    GITHUB = "github"
    JUNIT = "junit"
    SARIF = "sarif"
    XLSX = "xlsx"
    HTML = "html"


# Every writer takes the report, a path (None for standard output) and the same Options.
WRITERS: dict[Format, Callable[[Report, Path | None, Options], None]] = {
    Format.TERMINAL: terminal.write,
    Format.JSON: json_report.write,
    Format.CSV: csv_report.write,
    Format.GITHUB: github.write,
    Format.JUNIT: junit.write,
    Format.SARIF: sarif.write,
    Format.XLSX: excel.write,
    Format.HTML: html.write,
}

EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TERMINAL,
    ".json": Format.JSON,
    ".csv": Format.CSV,
    ".xlsx": Format.XLSX,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".sarif": Format.SARIF,
}

# Formats that are not text cannot go to standard output.
FILE_ONLY = {Format.XLSX}


def format_for(destination: Path | None, given: Format | None) -> Format:
    """The format the user asked for, else the one the file's extension names."""
    if given is not None:
        if destination is None and given in FILE_ONLY:
            raise UsageError(f"--format {given.value} needs --output FILE (it is not text)")
        return given
    if destination is None:
        return Format.TERMINAL
    found = EXTENSIONS.get(destination.suffix.lower())
    if found is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise UsageError(
            f"--output {destination}: cannot tell the format from {destination.suffix or 'a name'}"
            f" without an extension; end the name with one of {known}, or give --format"
        )
    return found


def write(
    report: Report, format: Format, destination: Path | None, options: Options | None = None
) -> None:
    WRITERS[format](report, destination, options or Options())
