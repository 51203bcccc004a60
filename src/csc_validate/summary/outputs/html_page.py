"""The summary as one HTML file, readable offline: each figure with its breakdowns drawn as
inline SVG bar charts (no scripts, no external assets)."""

import sys
from html import escape
from itertools import groupby
from pathlib import Path

from csc_validate import atomic
from csc_validate.summary.model import Entry, Summary
from csc_validate.summary.outputs.rows import category, heading, number, readable, share

BAR_HEIGHT = 18
LABEL_WIDTH = 190
BAR_WIDTH = 360
VALUE_WIDTH = 130

STYLE = """
body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin:0 0 .3rem}
section{border-top:1px solid #ccc;padding:1rem 0}
.value{font-size:1.8rem;font-weight:600}
.flag{white-space:nowrap;background:#fff3cd;color:#7a4d00;padding:0 .3rem;border-radius:3px}
.quality{color:#9c0006} .muted{color:#555;font-size:.9rem}
table{border-collapse:collapse} td,th{padding:.1rem .6rem;text-align:left}
svg text{font-size:12px;font-family:inherit} .bar{fill:#1d70b8} .last{fill:#b1b4b6}
"""


def render(summary: Summary) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(heading(summary))}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(heading(summary))}</h1>",
    ]
    parts += [f'<p class="muted">{escape(note)}</p>' for note in summary.notes]
    if summary.previous_given:
        parts.append(
            '<p class="muted">Bars: this year in blue, last year as the thin grey line.</p>'
        )
    parts.append(_index(summary))
    labels = {entry.id: entry.label for entry in summary.headlines()}
    for _figure_id, group in groupby(summary.figures, key=lambda entry: entry.id):
        entries = list(group)
        parts.append(_figure(entries[0], entries[1:], summary.previous_given, labels))
    if summary.left_out:
        parts.append("<section><h2>Left out</h2><ul>")
        parts += [f"<li>{escape(item)}</li>" for item in summary.left_out]
        parts.append("</ul></section>")
    parts.append(f'<p class="muted">csc-validate {escape(summary.version)}</p></body></html>')
    return "\n".join(parts) + "\n"


def _index(summary: Summary) -> str:
    rows = ["<table><tr><th>Figure</th><th>Value</th><th>Share</th>"]
    if summary.previous_given:
        rows[0] += "<th>Last year</th><th>Flag</th>"
    rows[0] += "</tr>"
    for entry in summary.headlines():
        row = (
            f'<tr><td><a href="#{escape(entry.id)}">{escape(entry.label)}</a></td>'
            f"<td>{number(entry.value)}</td><td>{share(entry.share)}</td>"
        )
        if summary.previous_given and entry.previous is not None:
            flag = entry.previous.flag or ""
            row += f"<td>{number(entry.previous.value)}</td><td>{_flag(flag)}</td>"
        rows.append(row + "</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _figure(
    headline: Entry, breakdowns: list[Entry], with_previous: bool, labels: dict[str, str]
) -> str:
    parts = [
        f'<section id="{escape(headline.id)}"><h2>{escape(headline.label)}</h2>',
        f'<div class="value">{number(headline.value)}'
        f' <span class="muted">{escape(headline.counts)}</span></div>',
    ]
    if headline.share is not None:
        named = labels.get(headline.share_of or "", headline.share_of or "")
        whole = escape(named[:1].lower() + named[1:])
        parts.append(f'<p class="muted">{share(headline.share)} of {whole}</p>')
    if with_previous and headline.previous is not None:
        previous = headline.previous
        parts.append(
            f"<p>Last year {number(previous.value)}; change {number(previous.change)} "
            f"{_flag(previous.flag or '')}</p>"
        )
    if headline.warning:
        parts.append(f'<p class="quality">{escape(headline.warning)}</p>')
    if headline.data_quality:
        parts.append(f'<p class="quality">{escape(headline.data_quality)}</p>')
    for name, group in groupby(breakdowns, key=lambda entry: category(entry)[0]):
        parts.append(f"<h3>By {escape(readable(name))}</h3>")
        parts.append(_chart(list(group), with_previous))
    parts.append(f"<p>{escape(headline.definition)}</p>")
    if headline.note:
        parts.append(f'<p class="muted">{escape(headline.note)}</p>')
    parts.append(f'<p class="muted">DfE table: {escape(headline.dfe_table)}</p></section>')
    return "\n".join(parts)


def _chart(entries: list[Entry], with_previous: bool) -> str:
    """Horizontal bars, one per category, with last year's as a thin grey bar beneath."""
    values = [float(e.value or 0) for e in entries]
    if with_previous:
        values += [float(e.previous.value or 0) for e in entries if e.previous is not None]
    top = max([*values, 1.0])
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = BAR_HEIGHT * len(entries) + 4
    title = escape(f"{entries[0].label} by {readable(category(entries[0])[0])}")
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{title}">'
    ]
    for index, entry in enumerate(entries):
        y = index * BAR_HEIGHT + 2
        label = escape(category(entry)[1])
        length = round(BAR_WIDTH * float(entry.value or 0) / top, 1)
        text = number(entry.value)
        if entry.share is not None:
            text += f" ({share(entry.share)})"
        flag = entry.previous.flag if entry.previous is not None else None
        if flag:
            text += f" {flag}"
        lines.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 12}" text-anchor="end">{label}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{length}" height="11"/>'
            f'<text x="{LABEL_WIDTH + length + 4}" y="{y + 10}">{escape(text)}</text>'
        )
        if with_previous and entry.previous is not None:
            before = round(BAR_WIDTH * float(entry.previous.value or 0) / top, 1)
            lines.append(
                f'<rect class="last" x="{LABEL_WIDTH}" y="{y + 12}" width="{before}" height="3">'
                f"<title>last year {number(entry.previous.value)}</title></rect>"
            )
    lines.append("</svg>")
    return "".join(lines)


def _flag(flag: str) -> str:
    return f'<span class="flag">{escape(flag)}</span>' if flag else ""


def write(summary: Summary, destination: Path | None) -> None:
    text = render(summary)
    if destination is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(destination, text)
