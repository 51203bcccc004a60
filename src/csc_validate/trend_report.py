"""The trend as a CSV (one row per run, measure, rule, table and team) and as one offline HTML
page with inline SVG charts: no script, no external asset, the same bytes for the same reports."""

import csv
import io
from html import escape

from csc_validate.findings import code_key
from csc_validate.reports.cells import csv_text
from csc_validate.trend import Trend

CSV_COLUMNS = ("run", "measure", "rule", "table", "team", "severity", "count")
WIDTH, HEIGHT, MARGIN = 720, 240, 48
COLOURS = ("#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#4d4d4d")


def csv_bytes(trend: Trend) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for count in trend.counts:
        row = (count.run, count.measure, count.rule, count.table, count.team, count.severity)
        writer.writerow([*(csv_text(cell) for cell in row), count.count])
    return buffer.getvalue().encode("utf-8-sig")


def per_run(trend: Trend, field: str, measure: str = "findings") -> dict[str, list[int]]:
    """Counts of `measure` by rule, table or team (`field`), one number per run."""
    series: dict[str, list[int]] = {}
    for count in trend.counts:
        if count.measure != measure:
            continue
        values = series.setdefault(getattr(count, field), [0] * len(trend.runs))
        values[trend.runs.index(count.run)] += count.count
    order = code_key if field == "rule" else str
    return {name: series[name] for name in sorted(series, key=order)}


def html_bytes(trend: Trend) -> bytes:
    errors = [totals["error"] for totals in trend.totals]
    queries = [totals["query"] for totals in trend.totals]
    tables = per_run(trend, "table")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>csc-validate trend</title>',
        "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em}"
        "td.n{text-align:right}svg text{font-size:11px}</style></head><body>",
        f"<h1>Findings across {len(trend.runs)} runs</h1>",
        "<h2>Errors and queries per run</h2>",
        _chart({"errors": errors, "queries": queries}, trend.runs),
        "<h2>Findings per table</h2>",
        _chart(tables, trend.runs),
        "<h2>Fixed and new since the run before</h2>",
        _table(
            ["run", "fixed", "new", "still open"],
            [
                [run, *map(str, change)]
                for run, change in zip(trend.runs[1:], trend.changes, strict=True)
            ],
        ),
        "<h2>Findings per rule</h2>",
        _series_table("rule", per_run(trend, "rule"), trend.runs),
        "<h2>Findings per team</h2>",
        _series_table("team", per_run(trend, "team"), trend.runs)
        if trend.teams_known
        else "<p>The reports carry no team: give --teams LOOKUP.csv:COLUMN to count per team.</p>",
        "<h2>Open longest</h2>",
        _table(
            ["rule", "table", "child", "team", "open since", "runs"],
            [
                [
                    o.finding.rule,
                    o.finding.table,
                    o.finding.child or "",
                    o.team,
                    o.since,
                    str(o.runs),
                ]
                for o in trend.longest_open
            ],
        ),
        "</body></html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


def _chart(series: dict[str, list[int]], runs: tuple[str, ...]) -> str:
    """A line per series over the runs, as inline SVG; the largest six series are drawn."""
    drawn = sorted(series.items(), key=lambda item: (-max(item[1], default=0), item[0]))[:6]
    top = max([1, *(value for _, values in drawn for value in values)])
    step = (WIDTH - 2 * MARGIN) / max(len(runs) - 1, 1)

    def point(index: int, value: int) -> str:
        x = MARGIN + index * step
        y = HEIGHT - MARGIN - value * (HEIGHT - 2 * MARGIN) / top
        return f"{x:.1f},{y:.1f}"

    shapes = [
        f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" '
        f'y2="{HEIGHT - MARGIN}" stroke="#888"/>',
        f'<text x="4" y="{MARGIN}">{top}</text>',
        f'<text x="4" y="{HEIGHT - MARGIN}">0</text>',
    ]
    for index, run in enumerate(runs):
        x = MARGIN + index * step
        shapes.append(
            f'<text x="{x:.1f}" y="{HEIGHT - MARGIN + 16}" text-anchor="middle">'
            f"{escape(run)}</text>"
        )
    for number, (name, values) in enumerate(drawn):
        colour = COLOURS[number % len(COLOURS)]
        points = " ".join(point(i, v) for i, v in enumerate(values))
        shapes.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}">'
            f"<title>{escape(name)}</title></polyline>"
        )
        shapes.append(
            f'<text x="{WIDTH - MARGIN + 4}" y="{MARGIN + 14 * number}" fill="{colour}">'
            f"{escape(name)}</text>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH + 120}" height="{HEIGHT}" '
        f'role="img">{"".join(shapes)}</svg>'
    )


def _series_table(label: str, series: dict[str, list[int]], runs: tuple[str, ...]) -> str:
    return _table([label, *runs], [[name, *map(str, values)] for name, values in series.items()])


def _table(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>"
        + "".join(
            # Counts are right-aligned; the first cell names the row (rule codes are digits too).
            f'<td class="n">{escape(cell)}</td>'
            if cell.isdigit() and index
            else f"<td>{escape(cell)}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"
