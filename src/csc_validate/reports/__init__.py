"""Every output renders the same Report; a format is one module and one member here."""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from csc_validate.findings import Report
from csc_validate.reports import csv_report, github, json_report, junit, sarif, terminal


class Format(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"
    CSV = "csv"
    GITHUB = "github"
    JUNIT = "junit"
    SARIF = "sarif"


# Writers take the report and a path, or None for standard output.
WRITERS: dict[Format, Callable[[Report, Path | None], None]] = {
    Format.TERMINAL: terminal.write,
    Format.JSON: json_report.write,
    Format.CSV: csv_report.write,
    Format.GITHUB: github.write,
    Format.JUNIT: junit.write,
    Format.SARIF: sarif.write,
}


def write(report: Report, format: Format, destination: Path | None) -> None:
    WRITERS[format](report, destination)
