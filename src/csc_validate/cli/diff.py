"""`csc-validate diff OLD.json NEW.json`: what was fixed, what is new, what is still open."""

import csv
import io
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate import atomic
from csc_validate.diff import ReportDiff, compare, read_report
from csc_validate.errors import UsageError
from csc_validate.findings import Finding, code_key
from csc_validate.reports.cells import csv_text

STATUSES = ("fixed", "new", "still open")


def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier report (check --output OLD.json).")],
    new: Annotated[Path, typer.Argument(help="The later report (check --output NEW.json).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Also write every finding with its status (.csv, .json, .txt)."
        ),
    ] = None,
) -> None:
    """Compare two reports of re-extracts: findings fixed, new and still open.

    Findings are matched by rule, table, child and the values flagged, not by row number, so
    rows that moved in the new extract still match.
    """
    if output is not None and output.suffix.lower() not in (".csv", ".json", ".txt"):
        raise UsageError(f"--output {output}: name it .csv, .json or .txt")
    result = compare(read_report(old), read_report(new))
    render(Console(highlight=False, emoji=False), result)
    if output is not None:
        atomic.write_bytes(output, _file(result, output.suffix.lower()))
        typer.echo(f"Wrote {output}", err=True)


def render(console: Console, result: ReportDiff) -> None:
    table = Table(title="Findings by rule", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Rule", no_wrap=True)
    for status in STATUSES:
        table.add_column(status.capitalize(), justify="right", no_wrap=True)
    groups = _groups(result)
    codes = sorted({code for counts in groups.values() for code in counts}, key=code_key)
    for code in codes:
        table.add_row(Text(code), *[str(groups[status].get(code, 0)) for status in STATUSES])
    if codes:
        console.print(table)
    years = (
        f" ({result.old_year} report against {result.new_year})"
        if result.old_year != result.new_year
        else "."
    )
    console.print(
        Text.assemble(
            (f"{len(result.fixed)} fixed", "green"),
            ", ",
            (f"{len(result.new)} new", "red"),
            f", {len(result.still_open)} still open{years}",
        )
    )


def _groups(result: ReportDiff) -> dict[str, dict[str, int]]:
    groups: dict[str, dict[str, int]] = {}
    for status, findings in _by_status(result):
        counts: dict[str, int] = {}
        for finding in findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        groups[status] = counts
    return groups


def _by_status(result: ReportDiff) -> list[tuple[str, tuple[Finding, ...]]]:
    return [("fixed", result.fixed), ("new", result.new), ("still open", result.still_open)]


def _file(result: ReportDiff, suffix: str) -> bytes:
    if suffix == ".json":
        return (result.model_dump_json(indent=2) + "\n").encode("utf-8")
    if suffix == ".txt":
        console = Console(record=True, width=100, highlight=False, emoji=False, file=io.StringIO())
        render(console, result)
        return console.export_text().encode("utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["status", "rule", "severity", "table", "line", "child", "values", "message"])
    for status, findings in _by_status(result):
        for f in findings:
            values = "; ".join(f"{k}={'' if v is None else v}" for k, v in f.values.items())
            row = [status, f.rule, f.severity.value, f.table, f.line, f.child, values, f.message]
            writer.writerow([csv_text(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue().encode("utf-8-sig")
