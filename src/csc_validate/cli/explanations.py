"""`csc-validate explanations REPORT.json`: the recorded reasons as a CSV for DfE's notes."""

import csv
import io
from pathlib import Path
from typing import Annotated

import typer

from csc_validate.diff import read_report
from csc_validate.findings import AcceptedFinding, sort_key
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.reports.cells import csv_text
from csc_validate.reports.output import emit_bytes

COLUMNS = (
    "child",
    "rule",
    "severity",
    "message",
    "table",
    "line",
    "values",
    "explanation",
    "who",
    "date",
)


def explanations_command(
    report_path: Annotated[
        Path,
        typer.Argument(
            metavar="REPORT.json",
            help="A report written by check --accepted FILE --output REPORT.json.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The CSV to write (default: standard output)."),
    ] = None,
) -> None:
    """Write the reasons recorded against accepted findings as a CSV, one row per query, ready
    to copy into DfE's explanation notes."""
    if output is not None:
        refuse_outputs_over_inputs([("--output", output)], [("the report", report_path)])
    report = read_report(report_path)
    accepted = sorted(report.accepted, key=lambda item: sort_key(item.finding))
    data = rows_csv(accepted).encode("utf-8-sig")
    # UTF-8 with a BOM, also on standard output, so that Excel opens it correctly.
    emit_bytes(data, output)
    if output is not None:
        typer.echo(f"Wrote {output} ({len(accepted)} explanations)", err=True)
    if report.stale_acceptances:
        typer.echo(
            f"note: {len(report.stale_acceptances)} recorded reasons match no finding any more "
            "and are left out; remove them from the accepted findings",
            err=True,
        )


def rows_csv(accepted: list[AcceptedFinding]) -> str:
    """One row per accepted finding: who the child is, what DfE queries and why it stands."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in accepted:
        finding = item.finding
        values = "; ".join(
            f"{field}={'' if value is None else value}" for field, value in finding.values.items()
        )
        row = [
            finding.child or "",
            finding.rule,
            finding.severity.value,
            finding.message,
            finding.table,
            "" if finding.line is None else str(finding.line),
            values,
            item.reason,
            item.who,
            item.date,
        ]
        writer.writerow([csv_text(cell) for cell in row])
    return buffer.getvalue()
