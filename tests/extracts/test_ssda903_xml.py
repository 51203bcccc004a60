"""The SSDA903 XML: social-worker episodes are read, and the standard UASC element is no news."""

from pathlib import Path

from csc_validate.check import check
from csc_validate.pipeline.load import load
from tests.readers.test_xlsx_and_xml import XML

SOCIAL_WORKERS = """<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER><CHILDID>A1</CHILDID><DOB>31/02/2012</DOB></HEADER>
    <SW_EPISODE>
      <SW_ID>SW123456</SW_ID><SW_DECOM>01/04/2024</SW_DECOM><SW_DEC>01/09/2025</SW_DEC>
      <SW_REASON>MANAGE</SW_REASON>
    </SW_EPISODE>
    <SW_EPISODE>
      <SW_ID>SW654321</SW_ID><SW_DECOM>01/09/2025</SW_DECOM><SW_DEC/><SW_REASON/>
    </SW_EPISODE>
  </CHILD>
</EXPSSDA903>
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_social_worker_episodes_are_read_from_their_own_xml(tmp_path: Path) -> None:
    folder = _write(tmp_path / "xml", {"return.xml": XML, "social_workers.xml": SOCIAL_WORKERS})
    tables = load([folder])
    episodes = tables.raw("SWEpisodes")
    assert episodes["CHILD"].to_list() == ["A1", "A1"]
    assert episodes["SW_ID"].to_list() == ["SW123456", "SW654321"]
    assert episodes["_xpath"].to_list() == [
        "/EXPSSDA903/CHILD[1]/SW_EPISODE[1]",
        "/EXPSSDA903/CHILD[1]/SW_EPISODE[2]",
    ]
    assert episodes["_line"].to_list() == [5, 9]
    assert tables.missing == ()
    # The social-worker file gives no Header of its own: one file per table still holds.
    assert tables.tables["Header"].file == "xml/return.xml"


def test_social_worker_episodes_inside_the_return_are_read(tmp_path: Path) -> None:
    inside = XML.replace(
        "</EPISODE>\n  </CHILD>",
        "</EPISODE>\n    <SW_EPISODE><SW_ID>SW1</SW_ID><SW_DECOM>01/05/2025</SW_DECOM>"
        "</SW_EPISODE>\n  </CHILD>",
        1,
    )
    (tmp_path / "return.xml").write_text(inside)
    tables = load([tmp_path / "return.xml"])
    assert tables.raw("SWEpisodes")["SW_ID"].to_list() == ["SW1"]
    assert tables.missing == ()


def test_the_return_without_social_worker_episodes_is_incomplete(tmp_path: Path) -> None:
    (tmp_path / "return.xml").write_text(XML)
    report = check([tmp_path / "return.xml"])
    assert report.missing_tables == ("SWEpisodes",)
    assert report.incomplete


def test_the_standard_uasc_element_gives_no_note(tmp_path: Path) -> None:
    (tmp_path / "return.xml").write_text(XML)
    tables = load([tmp_path / "return.xml"])
    assert not [note for note in tables.notes if "UASC" in note]
    assert tables.typed("Header")["UASC"].to_list() == ["1", "0"]
    assert tables.raw("UASC")["DUC"].to_list() == ["01/01/2030"]


def test_tables_without_rows_are_there_and_no_element_is_a_missing_column(
    tmp_path: Path,
) -> None:
    (tmp_path / "return.xml").write_text(XML)
    report = check([tmp_path / "return.xml"], partial=True)
    assert report.table_rows["AD1"] == 0 and report.table_rows["OC2"] == 0
    assert not [f for f in report.findings if f.rule == "CSC003"]
    assert not [s for s in report.skipped if s.reason in ("no AD1 table", "no OC2 table")]
