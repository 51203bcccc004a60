"""A finding that compares rows names the others: in JSON, CSV, the terminal and the workbook."""

import csv
import io
import json
import os
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console

from csc_validate.check import check_with_tables
from csc_validate.findings import Report
from csc_validate.reports import csv_report, excel, json_report, terminal
from csc_validate.tables import Tables

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def checked() -> tuple[Report, Tables]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return check_with_tables(
            [Path("examples/ssda903/2025-26")], [Path("examples/ssda903/2024-25")]
        )
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def overlap(checked):
    """Rule 501 in the examples: an episode starting before the previous one ended."""
    report, _ = checked
    return next(f for f in report.findings if f.rule == "501")


def test_the_previous_episode_is_named_with_its_line_and_key(checked, overlap) -> None:
    _, tables = checked
    (other,) = overlap.related
    assert other.table == "Episodes" and other.child == overlap.child
    raw = tables.raw("Episodes").filter(tables.raw("Episodes")["_row"] == other.row)
    assert other.line == raw["_line"][0] == overlap.line - 1
    assert other.key == {"DECOM": raw["DECOM"][0]}


def test_json_and_csv_carry_the_related_rows(checked, overlap) -> None:
    report, _ = checked
    data = json.loads(json_report.render(report))
    found = next(f for f in data["findings"] if f["rule"] == "501")
    assert found["related"][0]["line"] == overlap.related[0].line
    # Every finding carries its related rows as the report holds them, none where it has none.
    assert [[r["line"] for r in f["related"]] for f in data["findings"]] == [
        [r.line for r in f.related or ()] for f in report.findings
    ]
    assert any(f["related"] == [] for f in data["findings"])
    rows = list(csv.DictReader(io.StringIO(csv_report.render(report))))
    related = next(row["related"] for row in rows if row["rule"] == "501")
    assert related.startswith(f"Episodes line {overlap.related[0].line} ({overlap.child}")


def test_terminal_counts_them(checked) -> None:
    report, _ = checked
    console = Console(file=io.StringIO(), width=200, color_system=None)
    terminal.render(console, report, limit=100)
    assert "(+1 related row: Episodes line" in console.file.getvalue()


def test_workbook_links_each_related_row_and_marks_it(checked, overlap) -> None:
    report, tables = checked
    book = openpyxl.load_workbook(io.BytesIO(excel.render(report, tables, "CHILD")))
    findings = book["Findings"]
    header = [cell.value for cell in findings[1]]
    index = report.findings.index(overlap)
    cell = findings.cell(row=index + 2, column=header.index("Related rows") + 1)
    assert cell.value == f"Episodes line {overlap.related[0].line}"
    sheet, _, address = cell.hyperlink.location.rpartition("!")
    target = book[sheet.strip("'")][address]
    row = [c for c in book["Episodes"][target.row]]
    assert row[0].value == overlap.related[0].line
    assert row[0].fill.fgColor.rgb.endswith("FFEB9C")
    episodes_header = [c.value for c in book["Episodes"][1]]
    reason = row[episodes_header.index("Findings on this row")].value
    assert f"Related row of 501 on Episodes line {overlap.line}" in reason


def test_redaction_takes_the_related_rows_ids_and_values_too(checked) -> None:
    from csc_validate.redact import REDACTED, redact

    report, _ = checked
    redacted = redact(report)
    found = next(f for f in redacted.findings if f.rule == "501")
    (other,) = found.related
    assert other.child == found.child and other.child.startswith("child ")
    assert set(other.key.values()) == {REDACTED}
