"""The CIN census requires its tables: the XML always holds them all, CSV extracts may not."""

import csv
import io
from pathlib import Path

from csc_validate import collections
from csc_validate.check import check
from csc_validate.pipeline.load import load
from tests.readers.test_cin_xml import CENSUS


def test_cin_declares_every_table_it_requires() -> None:
    assert collections.get("cin").required_tables[:2] == ("Header", "ChildIdentifiers")
    assert "PreProceedings" in collections.get("cin").required_tables


def test_a_census_xml_is_never_partial(tmp_path: Path) -> None:
    (tmp_path / "cin.xml").write_text(CENSUS)
    tables = load([tmp_path / "cin.xml"])
    assert tables.collection == "cin" and tables.missing == ()


def test_cin_csv_extracts_without_some_tables_are_incomplete(tmp_path: Path) -> None:
    # The census's own Header and ChildIdentifiers tables written as CSV files, and no others.
    xml = tmp_path / "cin.xml"
    xml.write_text(CENSUS)
    census = load([xml])
    folder = tmp_path / "csv"
    folder.mkdir()
    for name in ("Header", "ChildIdentifiers"):
        frame = census.raw(name).drop("_row", "_line", "_file", "_xpath")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(frame.columns)
        writer.writerows(["" if v is None else v for v in row] for row in frame.rows())
        (folder / f"{name}.csv").write_text(buffer.getvalue())
    report = check([folder], collection="cin")
    assert "CINdetails" in report.missing_tables and "Header" not in report.missing_tables
    assert report.incomplete
    assert not check([folder], collection="cin", partial=True).incomplete
