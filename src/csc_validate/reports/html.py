"""HTML: one self-contained file (inline CSS and script, nothing fetched) that works offline."""

import json
from html import escape
from importlib import resources
from pathlib import Path

import polars as pl

from csc_validate import subject
from csc_validate.findings import Finding, Report, RuleInfo, children_affected, code_key, standing
from csc_validate.reports import accepted_view
from csc_validate.reports.options import Options
from csc_validate.reports.output import emit
from csc_validate.reports.records import rows_shown, tables_to_show
from csc_validate.severity import Severity
from csc_validate.subject import Subject
from csc_validate.tables import Tables


def write(report: Report, destination: Path | None, options: Options) -> None:
    emit(render(report, options.tables, options.child_column), destination)


def render(report: Report, tables: Tables | None = None, child_column: str | None = None) -> str:
    """The page; with `tables`, each child's page shows the child's own rows of every table."""
    errors = report.totals.get(Severity.ERROR.value, 0)
    queries = report.totals.get(Severity.QUERY.value, 0)
    title = f"{report.collection.upper()} {report.year}: {errors} errors, {queries} queries"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # Nothing may be fetched: the file is opened from shared drives and USB sticks.
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
            f"<title>{escape(title)}</title>",
            f"<style>\n{_asset('report.css')}</style>",
            "</head>",
            "<body>",
            _header(report),
            "<main>",
            _summary(report, errors, queries),
            _findings_section(subject.of(report.collection)),
            _children_section(subject.of(report.collection)),
            "</main>",
            '<script type="application/json" id="report-data">',
            _data(report, tables, child_column),
            "</script>",
            f"<script>\n{_asset('report.js')}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _asset(name: str) -> str:
    return resources.files("csc_validate.reports").joinpath("html_assets", name).read_text("utf-8")


def _header(report: Report) -> str:
    return (
        "<header>"
        f"<h1>{escape(report.collection.upper())} {escape(report.year)} validation report</h1>"
        f'<p class="muted">{escape(report.period_start)} to {escape(report.period_end)} · '
        f"{f'<strong>as at {escape(report.as_at)}</strong> · ' if report.as_at else ''}"
        f"checked by csc-validate {escape(report.version)} · year {escape(report.year_source)}</p>"
        '<nav><a href="#summary">Summary</a><a href="#findings">Findings</a>'
        f'<a href="#children">{escape(subject.of(report.collection).titles)}</a></nav>'
        "</header>"
    )


def _summary(report: Report, errors: int, queries: int) -> str:
    children = children_affected(report.findings)
    parts = [
        '<section id="page-summary">',
        '<div class="totals">',
        f'<div class="total error"><b>{errors}</b>errors</div>',
        f'<div class="total query"><b>{queries}</b>queries</div>',
        f'<div class="total"><b>{children}</b>'
        f"{escape(subject.of(report.collection).many)} with findings</div>",
        f'<div class="total"><b>{report.rules_run}</b>rules run</div>',
        "</div>",
        "<h2>Findings per rule</h2>",
        _chart(report, _per_rule(report.findings), with_message=True),
        "<h2>Findings per table</h2>",
        _chart(report, _per_table(report.findings), with_message=False),
        accepted_view.html_section(report),
        "<h2>Not checked</h2>",
        _not_checked(report),
        "<h2>What each rule asks</h2>",
        _rules(report),
        "<h2>Files read</h2>",
        '<ul class="plain">',
        *[
            f"<li>{escape(source.file)}"
            f"{' (last year)' if source.previous else ''}: {escape(', '.join(source.tables))}</li>"
            for source in report.inputs
        ],
        "</ul>",
        "</section>",
    ]
    return "\n".join(parts)


def _per_rule(findings: tuple[Finding, ...]) -> list[tuple[str, Severity, int]]:
    counts: dict[str, tuple[Severity, int]] = {}
    for finding in findings:
        _, count = counts.get(finding.rule, (finding.severity, 0))
        counts[finding.rule] = (finding.severity, count + 1)
    rows = [(rule, severity, count) for rule, (severity, count) in counts.items()]
    return sorted(rows, key=lambda r: (-r[2], code_key(r[0])))


def _per_table(findings: tuple[Finding, ...]) -> list[tuple[str, None, int]]:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.table] = counts.get(finding.table, 0) + 1
    return sorted(((table, None, n) for table, n in counts.items()), key=lambda r: (-r[2], r[0]))


def _chart(report: Report, rows: list, with_message: bool) -> str:
    if not rows:
        return '<p class="muted">No findings.</p>'
    largest = max(count for _, _, count in rows)
    lines = ['<div class="chart" role="list">']
    for label, severity, count in rows:
        info = report.rule_info(label) if with_message else None
        message = info.message if info else ""
        width = max(100 * count / largest, 0.5)
        kind = severity.value if severity is not None else ""
        lines.append(
            f'<div class="label" role="listitem">{escape(label)}</div>'
            f'<div class="bar" title="{escape(message)}">'
            f'<span class="track"><span class="fill {kind}" style="width:{width:.1f}%">'
            "</span></span>"
            f'<span class="count">{count}</span>'
            f'<span class="text">{escape(message)}</span></div>'
        )
    lines.append("</div>")
    return "\n".join(lines)


def _not_checked(report: Report) -> str:
    items = [
        f"{escape(s.rule)}: skipped, {escape(s.reason)}" for s in report.skipped if not s.in_notes
    ]
    items += [
        f"{escape(c.rule)}: internal error, its findings are missing ({escape(c.error)})"
        for c in report.crashes
    ]
    items += [escape(note) for note in report.notes]
    if not items:
        return '<p class="muted">Every selected rule ran.</p>'
    return '<ul class="plain">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _rules(report: Report) -> str:
    found = {f.rule for f in report.findings}
    rows = [
        f'<tr><td class="code sev-{info.severity.value}">{escape(standing(info.rule, info))}</td>'
        f"<td>{escape(info.message)}</td>"
        f'<td class="guidance">{escape(_guidance(info, report.year))}</td></tr>'
        for info in sorted(report.rules, key=lambda i: code_key(i.rule))
        if info.rule in found
    ]
    if not rows:
        return '<p class="muted">No rule has findings.</p>'
    return (
        '<table class="cards"><thead><tr><th>Rule</th><th>DfE message</th>'
        "<th>How to fix it</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _guidance(info: RuleInfo, year: str) -> str:
    """How to fix it; for a code rule, the year's valid codes and what each means."""
    return " ".join(part for part in (info.guidance, info.valid_codes(year)) if part)


def _findings_section(who: Subject) -> str:
    return (
        '<section id="page-findings" hidden>'
        '<div class="filters">'
        f'<input id="filter-text" type="search" placeholder="Filter by {escape(who.one)}, value, '
        'rule…" '
        'aria-label="Filter findings">'
        '<select id="filter-severity" name="severity" aria-label="Severity"></select>'
        '<select id="filter-rule" name="rule" aria-label="Rule"></select>'
        '<select id="filter-table" name="table" aria-label="Table"></select>'
        "</div>"
        '<p id="findings-count" class="muted"></p>'
        '<table id="findings-table" class="cards"><thead><tr id="findings-head"></tr></thead>'
        '<tbody id="findings-body"></tbody></table>'
        '<button id="findings-more" class="more" type="button">Show more</button>'
        "<noscript><p>Scripts are off: the summary is shown; the findings table and the pages "
        f"per {escape(who.one)} need scripts.</p></noscript>"
        "</section>"
    )


def _children_section(who: Subject) -> str:
    return (
        '<section id="page-children" hidden>'
        '<div class="filters"><input id="child-search" type="search" '
        f'placeholder="Find a {escape(who.one)}…" aria-label="Find a {escape(who.one)}"></div>'
        '<p id="child-count" class="muted"></p>'
        '<div class="children"><div id="child-list" class="child-list"></div>'
        '<div id="child-panel" class="panel" aria-live="polite"></div></div>'
        "</section>"
    )


def _data(report: Report, tables: Tables | None, child_column: str | None) -> str:
    """The findings as compact rows, and the rows of the children with findings by table and
    child; '<' is escaped so no value can end the script element."""
    rules = {f.rule: [f.severity.value, f.message, ""] for f in report.findings}
    rules |= {
        info.rule: [info.severity.value, info.message, _guidance(info, report.year)]
        for info in report.rules
    }
    who = subject.of(report.collection)
    data = {
        # Whom the rows are about, for the page's words: [one, many, One, Many].
        "subject": [who.one, who.many, who.title, who.titles],
        "rules": rules,
        "findings": [
            [
                f.child,
                f.table,
                f.line,
                f.rule,
                f.severity.value,
                ", ".join(f"{k}={'(blank)' if v is None else v}" for k, v in f.values.items()),
                f.detail or "",
                f.row,
                list(f.fields),
                [[other.table, other.row, other.line] for other in f.related],
            ]
            for f in report.findings
        ],
        "records": _records(report, tables, child_column),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _records(
    report: Report, tables: Tables | None, child_column: str | None
) -> dict[str, dict[str, object]]:
    """Per table: its columns, and the rows of the children with findings as read
    ([child, row, line, value, ...]), for each child's page."""
    if tables is None or child_column is None:
        return {}
    involved = {f.table for f in report.findings}
    involved |= {other.table for f in report.findings for other in f.related}
    flagged: dict[str, set[int]] = {}
    for finding in report.findings:
        if finding.row is not None:
            flagged.setdefault(finding.table, set()).add(finding.row)
        for other in finding.related:
            flagged.setdefault(other.table, set()).add(other.row)
    children = frozenset(f.child for f in report.findings if f.child is not None)
    records: dict[str, dict[str, object]] = {}
    for name in tables_to_show(tables, involved):
        loaded = tables.tables[name]
        columns = [column for column in loaded.raw.columns if not column.startswith("_")]
        if child_column not in columns:
            continue
        frame = rows_shown(loaded, columns, flagged.get(name, set()), child_column, children)
        if not frame.height:
            continue
        # One flat list ([child, row, line, value, ...] in file order): the page indexes it by
        # child when a child's page is first opened, which keeps this quick at 60,000 children.
        keyed = frame.select(
            pl.col(child_column).str.strip_chars().fill_null("").alias("_child"), pl.all()
        )
        records[name] = {"columns": columns, "rows": keyed.rows()}
    return records
