"""The terminal's section for findings accepted with a reason, and for stale reasons."""

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate.findings import Report


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
