"""The summary as a table in the terminal: each figure, then its breakdowns, indented; the
data-quality context of each figure follows the table."""

import io
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from csc_validate import atomic
from csc_validate.summary.model import Summary
from csc_validate.summary.outputs.rows import category, heading, number, readable, share


def render(summary: Summary, width: int = 120, breakdowns: bool = True) -> str:
    """The table as plain text (for a .txt file and tests)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False)
    show(summary, console, breakdowns)
    # The table pads each line to the width; a file need not keep the padding.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def show(summary: Summary, console: Console, breakdowns: bool = True) -> None:
    """Every figure; with `breakdowns`, each figure's categories beneath it."""
    console.print(f"[bold]{escape(heading(summary))}[/bold]")
    for note in summary.notes:
        console.print(f"note: {escape(note)}")
    table = Table(pad_edge=False, box=None, header_style="bold")
    table.add_column("Figure", ratio=1, overflow="fold")
    table.add_column("Value", justify="right", no_wrap=True)
    table.add_column("Share", justify="right", no_wrap=True)
    if summary.previous_given:
        table.add_column("Last year", justify="right", no_wrap=True)
        table.add_column("Change", justify="right", no_wrap=True)
        table.add_column("Flag", no_wrap=True)
    group = None
    for entry in summary.figures if breakdowns else summary.headlines():
        name, value = category(entry)
        if entry.breakdown is None:
            group = None
            label = f"[bold]{escape(entry.label)}[/bold] [dim]({escape(entry.counts)})[/dim]"
        else:
            if name != group:
                group = name
                table.add_row(f"[dim]  by {escape(readable(name))}[/dim]")
            label = f"    {escape(value)}"
        row = [label, number(entry.value), share(entry.share)]
        if summary.previous_given:
            previous = entry.previous
            flag = previous.flag if previous and previous.flag else ""
            row += [
                number(previous.value) if previous else "",
                _signed(previous.change) if previous else "",
                f"[yellow]{escape(flag)}[/yellow]" if flag else "",
            ]
        table.add_row(*row)
    console.print(table)
    quality = [entry for entry in summary.headlines() if entry.data_quality]
    if quality:
        console.print("\n[bold]Data quality[/bold] (children with errors in the fields used)")
        for entry in quality:
            console.print(f"  {escape(entry.label)}: {escape(entry.data_quality or '')}")
    warnings = [entry for entry in summary.headlines() if entry.warning]
    if warnings:
        console.print("\n[bold]Notes[/bold]")
        for entry in warnings:
            console.print(f"  {escape(entry.label)}: {escape(entry.warning)}")
    for item in summary.left_out:
        console.print(f"left out: {escape(item)}")
    if not breakdowns:
        console.print(
            "\nBreakdowns: add --breakdowns, or write them with --output FILE "
            "(.xlsx, .html, .csv or .json)."
        )


def _signed(value: int | float | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + number(value)


def write(summary: Summary, destination: Path | None, breakdowns: bool = True) -> None:
    if destination is not None:
        atomic.write_text(destination, render(summary, breakdowns=breakdowns))
        return
    show(summary, Console(highlight=False), breakdowns)
