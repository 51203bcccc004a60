"""The summary as a tidy CSV: one row per figure and per breakdown category."""

import csv
import io
import sys
from pathlib import Path

from csc_validate import atomic
from csc_validate.reports.cells import csv_text
from csc_validate.summary.model import Summary
from csc_validate.summary.outputs.rows import COLUMNS, cells


def render(summary: Summary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in summary.figures:
        row = cells(entry)
        writer.writerow([_safe(row[column]) for column in COLUMNS])
    return buffer.getvalue()


def _safe(value: object) -> object:
    # A category read from the return could start with = or +: spreadsheets must not run it.
    if isinstance(value, str):
        return csv_text(value)
    return "" if value is None else value


def write(summary: Summary, destination: Path | None) -> None:
    text = render(summary)
    if destination is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(destination, text)
