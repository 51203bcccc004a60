"""CSV: one row per finding, for Excel users and for joining back to the extract."""

import csv
import io
from pathlib import Path

from csc_validate.findings import Report
from csc_validate.reports.cells import csv_text
from csc_validate.reports.options import Options
from csc_validate.reports.output import emit_bytes

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
    "guidance",
    "related",
)


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    guidance = {info.rule: info.guidance for info in report.rules}
    for finding in report.findings:
        row = [
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
            guidance.get(finding.rule, ""),
            " | ".join(other.describe() for other in finding.related),
        ]
        writer.writerow([csv_text(value) if isinstance(value, str) else value for value in row])
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
                "",
                "",
            ]
        )
    return buffer.getvalue()


def write(report: Report, destination: Path | None, options: Options) -> None:
    # A BOM lets Excel on Windows open it as UTF-8 (£, é and DfE's curly quotes intact), also
    # when it is redirected from standard output, which is written as UTF-8 whatever the console.
    emit_bytes(render(report).encode("utf-8-sig"), destination)
