"""The caseworker workbook as a caseworker meets it: what is on the first screen, links both
ways, reasons beside the red cells, printing, team names and ids that are never clipped."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from csc_validate.check import check_with_tables
from csc_validate.findings import Report
from csc_validate.reports import excel
from csc_validate.tables import Tables
from tests.conftest import episodes_csv, header_csv

ROOT = Path(__file__).resolve().parents[2]
# A laptop's screen, less the row numbers and the scroll bar LibreOffice draws beside the cells.
SCREEN_PX, SPREADSHEET_CHROME_PX = 1366, 80


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
def book(checked) -> openpyxl.Workbook:
    report, tables = checked
    return openpyxl.load_workbook(io.BytesIO(excel.render(report, tables, "CHILD")))


def _header(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def _target(link: str) -> tuple[str, str]:
    sheet, _, address = link.rpartition("!")
    return sheet.strip("'"), address


def test_findings_start_with_child_rule_message_and_guidance(book) -> None:
    sheet = book["Findings"]
    assert _header(sheet)[:4] == ["Child", "Rule", "Message", "Guidance"]
    assert sheet.freeze_panes == "B2"
    assert sheet["D2"].alignment.wrap_text
    assert sheet["D2"].value


def test_each_finding_links_to_its_cell_and_the_row_links_back(checked, book) -> None:
    report, _ = checked
    sheet = book["Findings"]
    column = _header(sheet).index("Table") + 1
    for index, finding in enumerate(report.findings):
        link = sheet.cell(row=index + 2, column=column).hyperlink
        assert link is not None, finding
        table, address = _target(link.location)
        assert table == finding.table
        target = book[table][address]
        if finding.fields and finding.fields[0] in _header(book[table]):
            assert target.fill.fill_type == "solid"
            assert _header(book[table])[target.column - 1] == finding.fields[0]
        row = [cell.value for cell in book[table][target.row]]
        assert row[0] == finding.line
        # The reason column beside the red cell names the rule, and links back to a finding
        # of this row.
        reason = book[table].cell(
            row=target.row, column=_header(book[table]).index("Findings on this row") + 1
        )
        assert finding.rule in reason.value and finding.message in reason.value
        back_sheet, back = _target(reason.hyperlink.location)
        assert back_sheet == "Findings"
        assert sheet[back].value == finding.child


def test_summary_links_each_rule_to_its_first_finding(checked, book) -> None:
    report, _ = checked
    rows = list(book["Summary"].iter_rows())
    linked = {row[0].value: row[0].hyperlink.location for row in rows if row[0].hyperlink}
    assert set(linked) == {f.rule for f in report.findings}
    for rule, location in linked.items():
        _, address = _target(location)
        assert book["Findings"][address].offset(column=1).value == rule


def test_every_sheet_prints_landscape_to_the_page_width_with_its_header(book) -> None:
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        if sheet.title != "Summary":
            assert sheet.print_title_rows == "$1:$1", sheet.title


def test_team_workbook_names_its_team(checked) -> None:
    report, tables = checked
    book = openpyxl.load_workbook(io.BytesIO(excel.render(report, tables, "CHILD", "Team A")))
    assert book.properties.title.endswith(": Team A")
    summary = [row[0].value for row in book["Summary"].iter_rows(max_row=3)]
    assert summary[0].endswith(": Team A")
    assert any("Team: Team A" in (value or "") for value in summary)


def test_long_ids_and_codes_are_text_and_never_clipped(extract) -> None:
    # A 13-character UPN, an id with a leading zero and a long id: widths follow the content.
    rows = [
        "0012,1,01/01/2015,A123456789012,WBRI,,",
        "ABCDEFGHIJKLMNOPQRST,1,01/01/2015,A123456789013,XXXX,,",
    ]
    folder = extract({"h.csv": header_csv(*rows), "e.csv": episodes_csv()})
    report, tables = check_with_tables([folder], year="2025-26", select=["103"])
    book = openpyxl.load_workbook(io.BytesIO(excel.render(report, tables, "CHILD")))
    header = book["Header"]
    titles = _header(header)
    for name in ("CHILD", "UPN", "ETHNIC"):
        letter = openpyxl.utils.get_column_letter(titles.index(name) + 1)
        values = [row[titles.index(name)] for row in header.iter_rows(min_row=2)]
        assert all(cell.data_type == "s" for cell in values if cell.value is not None)
        longest = max(len(str(cell.value)) for cell in values)
        assert header.column_dimensions[letter].width >= longest + 1, name
    assert "0012" in {cell.value for cell in book["Header"]["B"]}
    findings = book["Findings"]
    children = [row[0] for row in findings.iter_rows(min_row=2)]
    assert findings.column_dimensions["A"].width >= max(len(c.value) for c in children) + 1


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)
def test_first_screen_in_libreoffice_shows_child_rule_message_and_guidance(
    checked, tmp_path: Path
) -> None:
    """LibreOffice's own reading of the workbook (as flat ODS): the Findings sheet's columns A
    to D, with their headers, fit in a 1366-pixel window beside LibreOffice's row numbers."""
    report, tables = checked
    workbook = tmp_path / "errors.xlsx"
    workbook.write_bytes(excel.render(report, tables, "CHILD"))
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "fods",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    tree = etree.parse(str(tmp_path / "errors.fods"))
    ns = {
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    }
    widths = {
        style.get(f"{{{ns['style']}}}name"): style.find("style:table-column-properties", ns).get(
            f"{{{ns['style']}}}column-width"
        )
        for style in tree.iterfind(".//style:style[@style:family='table-column']", ns)
    }
    sheet = tree.find(".//table:table[@table:name='Findings']", ns)
    columns: list[float] = []
    for column in sheet.iterfind("table:table-column", ns):
        repeat = int(column.get(f"{{{ns['table']}}}number-columns-repeated", "1"))
        columns += [_pixels(widths[column.get(f"{{{ns['table']}}}style-name")])] * repeat
    first_row = sheet.find(".//table:table-row", ns)
    titles = [
        "".join(cell.itertext()).strip() for cell in first_row.iterfind("table:table-cell", ns)
    ]
    assert titles[:4] == ["Child", "Rule", "Message", "Guidance"]
    assert sum(columns[:4]) <= SCREEN_PX - SPREADSHEET_CHROME_PX, columns[:4]
    # Each is wide enough to read: the child's id whole, and message and guidance in lines of
    # some 40 characters or more.
    assert columns[0] >= 7 * max(len(f.child or "") for f in report.findings)
    assert min(columns[2:4]) >= 40 * 6


def _pixels(width: str) -> float:
    """An ODF length (0.8in, 2.1cm) at 96 pixels to the inch."""
    for unit, per_inch in (("in", 1.0), ("cm", 2.54), ("mm", 25.4), ("pt", 72.0)):
        if width.endswith(unit):
            return float(width.removesuffix(unit)) / per_inch * 96
    raise AssertionError(f"unknown unit in {width}")
