"""The workbook: highlighted cells, counts against the JSON, formula safety, and that it opens."""

import csv
import io
import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from csc_validate.check import check_with_tables
from csc_validate.findings import Report
from csc_validate.reports import excel, json_report
from csc_validate.tables import Tables
from tests.conftest import episodes_csv, header_csv

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
def workbook(checked) -> openpyxl.Workbook:
    report, tables = checked
    return openpyxl.load_workbook(io.BytesIO(excel.render(report, tables)))


def test_sheets_are_summary_findings_children_then_tables(workbook) -> None:
    assert workbook.sheetnames[:3] == ["Summary", "Findings", "By child"]
    assert {"Header", "Episodes", "OC2"} <= set(workbook.sheetnames)
    findings = workbook["Findings"]
    # The header row and the child column stay in view.
    assert findings.freeze_panes == "B2"
    assert findings.auto_filter.ref.startswith("A1:")


def test_highlighted_cells_are_exactly_the_offending_fields(checked, workbook) -> None:
    report, tables = checked
    expected = {
        (f.table, f.line, field)
        for f in report.findings
        if f.row is not None
        for field in f.fields
        if field in tables.raw(f.table).columns
    }
    highlighted = set()
    for name in workbook.sheetnames[3:]:
        sheet = workbook[name]
        header = [cell.value for cell in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                # Red: an offending cell (amber marks a row a finding elsewhere compared).
                if cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("FFC7CE"):
                    highlighted.add((name, row[0].value, header[cell.column - 1]))
                    assert cell.comment is not None
                else:
                    assert cell.comment is None
    assert highlighted == expected
    assert expected


def test_comment_names_each_rule_and_its_message(checked, workbook) -> None:
    report, _ = checked
    finding = next(f for f in report.findings if f.fields and f.line is not None)
    sheet = workbook[finding.table]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == finding.line)
    comment = row[header.index(finding.fields[0])].comment.text
    assert f"{finding.rule} ({finding.severity.value}): {finding.message}" in comment


def test_summary_counts_match_the_json(checked, workbook) -> None:
    report, _ = checked
    data = json.loads(json_report.render(report))
    per_rule = Counter(f["rule"] for f in data["findings"])
    summary = workbook["Summary"]
    rows = [[cell.value for cell in row] for row in summary.iter_rows()]
    start = rows.index(["Findings by rule"] + [None] * (len(rows[0]) - 1)) + 2
    counted = {}
    for row in rows[start:]:
        if row[0] is None:
            break
        counted[row[0]] = row[3]
    assert counted == dict(per_rule)
    errors = next(row for row in rows if row[0] == "Errors")
    assert errors[1] == data["totals"]["error"]
    assert workbook["Findings"].max_row == len(data["findings"]) + 1
    by_child = workbook["By child"]
    children = {row[0].value: row[3].value for row in by_child.iter_rows(min_row=2)}
    assert children == dict(Counter(f["child"] for f in data["findings"] if f["child"]))


def test_valid_dates_are_excel_dates_and_unreadable_ones_stay_as_written(checked, workbook) -> None:
    report, _ = checked
    sheet = workbook["Episodes"]
    header = [cell.value for cell in sheet[1]]
    decom = [row[header.index("DECOM")] for row in sheet.iter_rows(min_row=2)]
    assert any(cell.is_date for cell in decom)
    flagged = {f.values.get("DECOM") for f in report.findings if f.table == "Episodes"}
    text = {cell.value for cell in decom if not cell.is_date and cell.value is not None}
    assert text <= flagged


def test_workbook_is_byte_identical_for_the_same_report(checked) -> None:
    report, tables = checked
    assert excel.render(report, tables) == excel.render(report, tables)


def test_formula_like_values_stay_text(extract, tmp_path: Path) -> None:
    risky = ["=1+1", "+44", "-3", "@SUM(A1)"]
    rows = [f"{n},F,01/01/2015,{value},,," for n, value in enumerate(risky, start=1)]
    folder = extract({"h.csv": header_csv(*rows), "e.csv": episodes_csv()})
    report, tables = check_with_tables([folder], year="2025-26", select=["103"])
    data = excel.render(report, tables)
    book = openpyxl.load_workbook(io.BytesIO(data))
    for name in ("Findings", "Header"):
        cells = [cell for row in book[name].iter_rows() for cell in row if cell.value in risky]
        assert {cell.value for cell in cells} == set(risky), name
        assert all(cell.data_type == "s" for cell in cells)
    assert b"<f>" not in _sheet_xml(data)


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(data))
    return b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets"))


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
def test_libreoffice_opens_the_workbook_without_repair(checked, tmp_path: Path) -> None:
    report, tables = checked
    book = tmp_path / "errors.xlsx"
    book.write_bytes(excel.render(report, tables))
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "errors-Findings.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Child", "Rule", "Message", "Guidance"]
    assert len(rows) == len(report.findings) + 1
    assert "repair" not in (result.stdout + result.stderr).lower()


def test_table_sheets_hold_only_the_children_with_findings(checked) -> None:
    report, tables = checked
    book = openpyxl.load_workbook(io.BytesIO(excel.render(report, tables, "CHILD")))
    children = {f.child for f in report.findings if f.child}
    for name in ("Header", "Episodes", "Reviews"):
        sheet = book[name]
        header = [cell.value for cell in sheet[1]]
        shown = {row[header.index("CHILD")].value for row in sheet.iter_rows(min_row=2)}
        assert shown <= children, name
    header_children = {row[1].value for row in book["Header"].iter_rows(min_row=2)}
    assert header_children == children & set(tables.raw("Header")["CHILD"].to_list())


def test_the_cin_census_gets_the_same_workbook(tmp_path: Path) -> None:
    report, tables = check_with_tables([ROOT / "examples/cin/cin-2025-26.xml"])
    book = openpyxl.load_workbook(io.BytesIO(excel.render(report, tables, "LAchildID")))
    assert book.sheetnames[:3] == ["Summary", "Findings", "By child"]
    assert "CINdetails" in book.sheetnames
    assert book["Findings"].max_row == len(report.findings) + 1
    highlighted = sum(
        1
        for name in book.sheetnames[3:]
        for row in book[name].iter_rows(min_row=2)
        for cell in row
        if cell.fill.fill_type == "solid"
    )
    assert highlighted > 0
