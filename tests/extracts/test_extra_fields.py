"""A row with more fields than its header is reported, even when the extra fields are blank."""

from pathlib import Path

from openpyxl import Workbook

from csc_validate.check import check
from csc_validate.pipeline.load import load
from tests.conftest import EPISODE_COLUMNS, HEADER_COLUMNS, episodes_csv, header_csv

EPISODE = "1,01/05/2025,S,C2,N1,U1,PR1,,,,,,"


def test_overflow_into_blank_fields_is_reported(extract) -> None:
    # "Smith, J" unquoted in UPN: the row has eight fields, the last one blank.
    folder = extract(
        {"h.csv": header_csv("1,F,01/01/2015,WBRI,Smith, J,,"), "e.csv": episodes_csv(EPISODE)}
    )
    report = check([folder], select=["CSC004"], partial=True)
    (finding,) = report.findings
    assert (finding.rule, finding.file, finding.line) == ("CSC004", "extract/h.csv", 2)
    assert finding.detail is not None
    assert finding.detail.startswith("8 fields where the header has 7; the extra fields are blank")


def test_overflow_with_values_is_reported_as_before(extract) -> None:
    folder = extract(
        {"h.csv": header_csv("1,F,01/01/2015,WBRI,,,,extra"), "e.csv": episodes_csv(EPISODE)}
    )
    assert [(i.code, i.row) for i in load([folder]).issues] == [("CSC004", 0)]


def test_values_under_no_column_name_in_a_workbook_are_reported(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append([*HEADER_COLUMNS.split(","), None])
    sheet.append(["1", "F", "01/01/2015", "WBRI", "UPN1", "0", "01/01/2014", "stray"])
    episodes = book.create_sheet("Episodes")
    episodes.append(EPISODE_COLUMNS.split(","))
    episodes.append(EPISODE.split(","))
    book.save(tmp_path / "return.xlsx")
    issues = load([tmp_path / "return.xlsx"]).issues
    assert [(i.code, i.table, i.row) for i in issues] == [("CSC004", "Header", 0)]
    assert "stray" in issues[0].detail
