"""Reading XLSX workbooks and the DfE SSDA903 XML."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from csc_validate.check import check
from csc_validate.errors import InputError
from csc_validate.pipeline.load import load
from tests.conftest import EPISODE_COLUMNS, HEADER_COLUMNS

XML = """<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>A1</CHILDID>
      <UPN>UN1</UPN>
      <SEX>F</SEX>
      <DOB>31/02/2012</DOB>
      <ETHNIC>WBRI</ETHNIC>
      <UASC>1</UASC>
      <DUC>01/01/2030</DUC>
      <AREVIEW><REVIEW>01/06/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AREVIEW><REVIEW>01/12/2025</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
      <MOTHER>0</MOTHER>
    </HEADER>
    <EPISODE>
      <DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/>
    </EPISODE>
  </CHILD>
  <CHILD>
    <HEADER>
      <CHILDID>B2</CHILDID><SEX>M</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC><UASC>0</UASC>
    </HEADER>
  </CHILD>
</EXPSSDA903>
"""


def test_each_sheet_of_a_workbook_is_a_table_with_excel_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    header = book.active
    header.title = "Children"
    header.append(HEADER_COLUMNS.split(","))
    header.append([])
    header.append(["1", "F", dt.datetime(2015, 1, 1), "WBRI", None, None, None])
    episodes = book.create_sheet("Care")
    episodes.append(EPISODE_COLUMNS.split(","))
    episodes.append([1, dt.date(2025, 5, 1), "S", "C2", "N1", "U1", "PR1"])
    book.save(tmp_path / "return.xlsx")
    tables = load([tmp_path / "return.xlsx"])
    assert tables.raw("Header")["DOB"].to_list() == ["01/01/2015"]
    assert tables.raw("Header")["_line"].to_list() == [3]
    assert tables.raw("Episodes")["CHILD"].to_list() == ["1"]
    assert tables.tables["Header"].file == "return.xlsx (sheet Children)"


def test_the_xml_return_becomes_tables_with_lines_and_xpaths(tmp_path: Path) -> None:
    (tmp_path / "return.xml").write_text(XML)
    tables = load([tmp_path / "return.xml"])
    reviews = tables.raw("Reviews")
    assert reviews["CHILD"].to_list() == ["A1", "A1"]
    assert reviews["_xpath"].to_list() == [
        "/EXPSSDA903/CHILD[1]/HEADER/AREVIEW[1]",
        "/EXPSSDA903/CHILD[1]/HEADER/AREVIEW[2]",
    ]
    assert reviews["_line"].to_list() == [12, 13]
    assert tables.typed("Episodes")["PLACE"].to_list() == ["U1"]
    assert tables.typed("Header")["UASC"].to_list() == ["1", "0"]
    assert tables.raw("UASC")["CHILD"].to_list() == ["A1"]
    assert tables.metadata["file_format"] == "xml"


def test_xml_findings_point_at_the_element(tmp_path: Path) -> None:
    (tmp_path / "return.xml").write_text(XML)
    report = check([tmp_path / "return.xml"], select=["102"])
    [finding] = report.findings
    assert (finding.line, finding.xpath, finding.child) == (4, "/EXPSSDA903/CHILD[1]/HEADER", "A1")
    assert finding.values == {"DOB": "31/02/2012"}


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_text("<EXPSSDA903>\n<CHILD>\n</EXPSSDA903>\n")
    with pytest.raises(InputError, match=r"bad\.xml, line 3: is not well-formed XML"):
        load([tmp_path / "bad.xml"])


def test_an_unknown_xml_root_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other.xml").write_text("<Something/>")
    with pytest.raises(InputError, match="root element <Something>"):
        load([tmp_path / "other.xml"])
