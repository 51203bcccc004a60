"""Every output renders the same Report; a format is one module and one member here."""

import importlib
from enum import StrEnum
from pathlib import Path

from csc_validate.errors import UsageError
from csc_validate.findings import Report
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


# The module of each format's writer; each has write(report, path or None for standard output,
# Options). A writer is imported when used, so that a check pays only for the formats it writes
# (the workbook's openpyxl is a noticeable part of start-up).
WRITERS: dict[Format, str] = {
    Format.TERMINAL: "terminal",
    Format.JSON: "json_report",
    Format.CSV: "csv_report",
    Format.GITHUB: "github",
    Format.JUNIT: "junit",
    Format.SARIF: "sarif",
    Format.XLSX: "excel",
    Format.HTML: "html",
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
    writer = importlib.import_module(f"{__name__}.{WRITERS[format]}")
    writer.write(report, destination, options or Options())
