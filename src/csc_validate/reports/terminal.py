"""The terminal summary: counts per rule and table, then the findings, readable at 80 columns."""

import io
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate import atomic, subject
from csc_validate.findings import Finding, Report, children_affected
from csc_validate.reports import accepted_view
from csc_validate.reports.options import Options
from csc_validate.severity import Severity
from csc_validate.subject import Subject
from csc_validate.tables import PREVIOUS_SUFFIX

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.QUERY: "yellow"}


def write(report: Report, destination: Path | None, options: Options) -> None:
    """Print the report; to a file it is plain text, with no colour codes."""
    arguments = (report, options.limit, options.quiet, options.by_child, options.workbook)
    arguments += (options.next_step,)
    if destination is None:
        render(Console(highlight=False, emoji=False), *arguments)
        return
    console = Console(record=True, width=100, highlight=False, emoji=False, file=io.StringIO())
    render(console, *arguments)
    atomic.write_text(destination, console.export_text())


def render(
    console: Console,
    report: Report,
    limit: int = 50,
    quiet: bool = False,
    by_child: bool = False,
    workbook: str | None = None,
    next_step: str | None = None,
) -> None:
    _heading(console, report)
    if report.missing_tables:
        console.print(_missing_line(report))
    if not quiet:
        if report.summary:
            console.print(_summary_table(report, console.width))
            for code, reason in _provisional(report).items():
                console.print(f"* {code} is provisional: {reason}", markup=False)
        if report.findings and limit != 0:
            ordered = report.findings
            if by_child:
                # Child by child, so that a cut at --limit never splits a child's findings.
                ordered = tuple(sorted(ordered, key=lambda f: (f.child is None, f.child or "")))
            shown = ordered[: limit if limit > 0 else None]
            group = _child_tables if by_child else _findings_tables
            who = subject.of(report.collection)
            for heading, table in group(shown, _code_width(report), who):
                console.print(Text(heading, style="italic"))
                console.print(table)
            hidden = len(report.findings) - (limit if limit > 0 else len(report.findings))
            if hidden > 0:
                console.print(
                    f"[dim]... and {hidden} more findings: --limit 0 shows all; "
                    "--output errors.xlsx or errors.csv writes them to a file.[/dim]"
                )
    accepted_view.render(console, report, quiet)
    # Notes say what was not read or looks wrong: --quiet keeps them.
    # Text from the data (values, file and column names) is shown as written, never as markup.
    for note in report.notes:
        console.print(Text.assemble(("note:", "dim"), " ", note))
    if report.skipped and not quiet and _skipped_line(report):
        console.print(Text(_skipped_line(report), style="dim"))
    for crash in report.crashes:
        console.print(
            Text.assemble(
                ("internal error", "bold red"),
                f" in rule {crash.rule} on {crash.table}: {crash.error} "
                "(its findings are missing; please report this)",
            )
        )
    console.print(_footer(report))
    if next_step is not None:
        if next_step:
            console.print(Text(next_step), highlight=False)
    elif report.summary:
        console.print(_next_step(report, workbook), highlight=False)


def _heading(console: Console, report: Report) -> None:
    console.print(
        Text.assemble(
            (f"csc-validate {report.version}", "bold"),
            f" · {report.collection.upper()} {report.year} "
            f"({report.period_start} to {report.period_end})",
            (f" · as at {report.as_at}" if report.as_at else "", "bold"),
        )
    )
    console.print(Text(f"Year {report.year_source}.", style="dim"))
    if report.as_at:
        console.print(
            Text(
                f"A year-to-date check as at {report.as_at} ({report.as_at_source}): "
                "ages, durations and open records are judged at that date.",
                style="dim",
            )
        )
    current = [f"{name} {rows}" for name, rows in report.table_rows.items() if "_last" not in name]
    previous = [f"{name} {rows}" for name, rows in report.table_rows.items() if "_last" in name]
    console.print(Text(f"Rows read: {', '.join(current) or 'none'}.", style="dim"))
    if previous:
        console.print(Text(f"Last year: {', '.join(previous)}.", style="dim"))


def _summary_table(report: Report, width: int) -> Table:
    table = Table(title="Findings by rule", box=box.SIMPLE_HEAD, title_justify="left", expand=False)
    # A rule code is never cut: the message gives way instead.
    code_width = _code_width(report)
    table.add_column("Rule", no_wrap=True, min_width=code_width)
    table.add_column("Table", no_wrap=True, min_width=8)
    table.add_column("Count", justify="right", no_wrap=True, min_width=5)
    who = subject.of(report.collection)
    table.add_column(who.titles, justify="right", no_wrap=True, min_width=8)
    # The other columns take about 35 characters and the code; the message gets the rest.
    table.add_column(
        "Message", overflow="ellipsis", no_wrap=True, max_width=max(width - 35 - code_width, 12)
    )
    provisional = _provisional(report)
    for summary in report.summary:
        marked = f"{summary.rule}*" if summary.rule in provisional else summary.rule
        table.add_row(
            Text(marked, style=SEVERITY_STYLE[summary.severity]),
            Text(summary.table),
            str(summary.count),
            str(summary.children),
            Text(summary.message),
        )
    return table


def _code_width(report: Report) -> int:
    # A provisional rule's code is marked with a star.
    starred = _provisional(report)
    return max([4, *(len(s.rule) + (s.rule in starred) for s in report.summary)])


def _provisional(report: Report) -> dict[str, str]:
    """Why each rule in the summary is provisional (read without DfE's own text), by code."""
    shown = {summary.rule for summary in report.summary}
    return {
        info.rule: info.provisional
        for info in report.rules
        if info.provisional and info.rule in shown
    }


def _values(finding: Finding) -> str:
    values = ", ".join(f"{k}={'(blank)' if v is None else v}" for k, v in finding.values.items())
    if finding.detail:
        values = f"{values} {finding.detail}".strip()
    if finding.related:
        count = len(finding.related)
        rows = "; ".join(other.label() for other in finding.related)
        values = f"{values} (+{count} related row{'s' if count > 1 else ''}: {rows})".strip()
    return values or finding.message


def _findings_tables(
    findings: tuple[Finding, ...], code_width: int, who: Subject
) -> list[tuple[str, Table]]:
    """One small table per DfE table, headed by its file, so rows fit in 80 columns."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.table, finding.file or ""), []).append(finding)
    tables = []
    for (name, file), items in groups.items():
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column(who.title, overflow="fold", max_width=14)
        table.add_column("Rule", no_wrap=True, min_width=code_width)
        table.add_column("Values", overflow="fold")
        for finding in items:
            table.add_row(
                "" if finding.line is None else str(finding.line),
                Text(finding.child or ""),
                Text(finding.rule, style=SEVERITY_STYLE[finding.severity]),
                Text(_values(finding)),
            )
        tables.append((f"{name}: {file}", table))
    return tables


def _missing_line(report: Report) -> Text:
    this_year = [name for name in report.missing_tables if not name.endswith(PREVIOUS_SUFFIX)]
    last_year = [
        name.removesuffix(PREVIOUS_SUFFIX)
        for name in report.missing_tables
        if name.endswith(PREVIOUS_SUFFIX)
    ]
    parts = []
    if this_year:
        parts.append(f"the return has no {' or '.join(this_year)} table")
    if last_year:
        parts.append(f"last year's return has no {' or '.join(last_year)} table")
    missing = " and ".join(parts)
    if report.partial:
        return Text(
            f"Partial check (--partial): {missing}; the rules that need them were skipped.",
            style="yellow",
        )
    return Text.assemble(
        ("Incomplete:", "bold red"),
        f" {missing}. Give the missing files, or --partial to check only what is here "
        "(exit code 2).",
    )


def _child_tables(
    findings: tuple[Finding, ...], code_width: int, who: Subject
) -> list[tuple[str, Table]]:
    """One small table per child (in child order), so a caseworker fixes one record at a time."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.child or "", []).append(finding)
    tables = []
    for child in sorted(groups, key=lambda c: (c == "", c)):
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("Table", no_wrap=True)
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column("Rule", no_wrap=True, min_width=code_width)
        table.add_column("Values", overflow="fold")
        for finding in groups[child]:
            table.add_row(
                Text(finding.table),
                "" if finding.line is None else str(finding.line),
                Text(finding.rule, style=SEVERITY_STYLE[finding.severity]),
                Text(_values(finding)),
            )
        count = len(groups[child])
        heading = f"{who.title} {child}" if child else f"Not about one {who.one}"
        tables.append((f"{heading}: {count} finding{'s' if count != 1 else ''}", table))
    return tables


def _skipped_line(report: Report) -> str:
    """The skipped rules by missing table; the --previous hint follows only the rules that
    compare with last year, and only when last year's return was not given at all."""
    last_year_given = any(summary.previous for summary in report.inputs)
    by_reason: dict[str, list[str]] = {}
    compare: list[str] = []
    for skipped in report.skipped:
        if skipped.in_notes:
            continue
        if PREVIOUS_SUFFIX in skipped.reason and not last_year_given:
            compare.append(skipped.rule)
        else:
            by_reason.setdefault(skipped.reason, []).append(skipped.rule)
    lines = []
    if by_reason:
        parts = [f"{reason}: {', '.join(codes)}" for reason, codes in sorted(by_reason.items())]
        count = sum(len(codes) for codes in by_reason.values())
        lines.append(f"Skipped {count} rules ({'; '.join(parts)}).")
    if compare:
        codes = ", ".join(dict.fromkeys(compare))
        lines.append(
            f"Skipped {len(compare)} rules that compare with last year ({codes}): "
            "give last year's return with --previous to run them."
        )
    return "\n".join(lines)


def _next_step(report: Report, workbook: str | None) -> Text:
    top = report.summary[0].rule
    one = subject.of(report.collection).one
    first = (
        f"Next: open {workbook} and work through it {one} by {one}"
        if workbook
        else f"Next: add --output errors.xlsx for a workbook to work through {one} by {one}"
    )
    return Text(f"{first}; csc-validate explain {top} explains the most frequent rule.")


def _footer(report: Report) -> str:
    errors = report.totals.get(Severity.ERROR.value, 0)
    queries = report.totals.get(Severity.QUERY.value, 0)
    children = children_affected(report.findings)
    colour = "red" if errors else ("yellow" if queries else "green")
    return (
        f"[bold {colour}]{errors} errors, {queries} queries[/bold {colour}] "
        f"for {subject.of(report.collection).counted(children)}; "
        f"{report.rules_run} rules run"
        + (f", {len(report.skipped)} skipped" if report.skipped else "")
        + (f", {len(report.crashes)} failed (check incomplete)" if report.crashes else "")
        + "."
    )
