"""CSV: one row per finding, for Excel users and for joining back to the extract."""

import csv
import io
from pathlib import Path

from csc_validate.findings import Report
from csc_validate.reports.output import emit

COLUMNS = (
    "rule",
    "severity",
    "table",
    "row",
    "line",
    "child",
    "fields",
    "values",
    "message",
    "file",
    "xpath",
    "detail",
)


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for finding in report.findings:
        writer.writerow(
            [
                finding.rule,
                finding.severity.value,
                finding.table,
                "" if finding.row is None else finding.row,
                "" if finding.line is None else finding.line,
                finding.child or "",
                ";".join(finding.fields),
                "; ".join(f"{k}={'' if v is None else v}" for k, v in finding.values.items()),
                finding.message,
                finding.file or "",
                finding.xpath or "",
                finding.detail or "",
            ]
        )
    # A rule that failed has no findings: its row says so, so a reader of the CSV alone knows.
    for crash in report.crashes:
        writer.writerow(
            [
                crash.rule,
                "internal-error",
                crash.table,
                "",
                "",
                "",
                "",
                "",
                "csc-validate could not run this rule, so its findings are missing",
                "",
                "",
                crash.error,
            ]
        )
    return buffer.getvalue()


def write(report: Report, destination: Path | None) -> None:
    # A BOM lets Excel on Windows open the file as UTF-8 (£, é and DfE's curly quotes intact).
    emit(("\ufeff" if destination is not None else "") + render(report), destination)
