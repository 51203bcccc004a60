"""Findings accepted with a reason, and stale reasons: the terminal's section, a workbook sheet
and an HTML section."""

from html import escape
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate.findings import Report

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is written
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet


def render(console: Console, report: Report, quiet: bool) -> None:
    """Accepted findings apart from the others, each with its reason; then the reasons whose
    finding has gone. Everything shown is data, so it is printed as written."""
    if report.accepted and not quiet:
        console.print(
            Text(
                f"Accepted with a recorded reason: {len(report.accepted)} findings "
                "(not counted for --fail-on)",
                style="italic",
            )
        )
        table = Table(box=box.SIMPLE_HEAD)
        for name in ("Rule", "Child", "Table", "Line"):
            table.add_column(name, no_wrap=True)
        table.add_column("Reason", overflow="fold")
        table.add_column("By", overflow="fold")
        for item in report.accepted:
            finding = item.finding
            by = ", ".join(part for part in (item.who, item.date) if part)
            table.add_row(
                Text(finding.rule),
                Text(finding.child or ""),
                Text(finding.table),
                "" if finding.line is None else str(finding.line),
                Text(item.reason),
                Text(by),
            )
        console.print(table)
    for stale in report.stale_acceptances:
        key = "; ".join(f"{field}={value}" for field, value in stale.key.items())
        what = ", ".join(
            part
            for part in (f"rule {stale.rule}", stale.child and f"child {stale.child}", key)
            if part
        )
        console.print(
            Text.assemble(("stale:", "yellow"), f" {what} matches no finding: {stale.reason}")
        )


ACCEPTED_COLUMNS = ("status", "rule", "child", "table", "line", "reason", "who", "date")


def rows(report: Report) -> list[tuple[str, ...]]:
    """Accepted findings, then stale reasons, as text: one row each, for workbooks and HTML."""
    found = [
        (
            "accepted",
            item.finding.rule,
            item.finding.child or "",
            item.finding.table,
            "" if item.finding.line is None else str(item.finding.line),
            item.reason,
            item.who,
            item.date,
        )
        for item in report.accepted
    ]
    found += [
        ("stale", s.rule, s.child or "", s.table or "", "", s.reason, s.who, s.date)
        for s in report.stale_acceptances
    ]
    return found


def add_sheet(workbook: "Workbook", report: Report) -> None:
    """An "Accepted" sheet, only when reasons were given; every cell is text."""
    if not report.accepted and not report.stale_acceptances:
        return
    sheet = workbook.create_sheet("Accepted")
    for row in [ACCEPTED_COLUMNS, *rows(report)]:
        sheet.append([_text_cell(sheet, value) for value in row])


def _text_cell(sheet: "WriteOnlyWorksheet", value: str) -> "WriteOnlyCell":
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # A reason such as "=see notes" is shown, never run as a formula.
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def html_section(report: Report) -> str:
    """A section listing the accepted findings and stale reasons; empty when there are none."""
    if not report.accepted and not report.stale_acceptances:
        return ""
    head = "".join(f"<th>{escape(name)}</th>" for name in ACCEPTED_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>"
        for row in rows(report)
    )
    return f"<h2>Accepted with a reason</h2><table><tr>{head}</tr>{body}</table>"
