"""A file closest to a table is an error naming the table and the missing or misspelt columns."""

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from csc_validate.errors import InputError
from csc_validate.pipeline.load import load
from tests.cli.test_cli import run


def _rename(path: Path, old: str, new: str) -> None:
    lines = path.read_text().splitlines(keepends=True)
    lines[0] = ",".join(new if name == old else name for name in lines[0].rstrip("\n").split(","))
    path.write_text(lines[0] + "\n" + "".join(lines[1:]))


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "header.csv",
            "CHILD",
            "CHILD_ID",
            "header.csv, line 1: looks like the Header table but lacks the mandatory column "
            "CHILD; is CHILD_ID meant to be CHILD?",
        ),
        (
            "episodes.csv",
            "DECOM",
            "DATE_OF_COMMENCEMENT",
            "episodes.csv, line 1: looks like the Episodes table but lacks the mandatory column "
            "DECOM; is DATE_OF_COMMENCEMENT meant to be DECOM?",
        ),
    ],
)
def test_a_renamed_mandatory_column_names_the_table_and_the_likely_match(
    this_year: Path, file: str, old: str, new: str, expected: str
) -> None:
    _rename(this_year / file, old, new)
    with pytest.raises(InputError) as caught:
        load([this_year])
    assert str(caught.value).startswith(f"{this_year.name}/{expected} (expected the columns ")


def test_the_command_says_it_in_one_line_and_exits_2(this_year: Path) -> None:
    _rename(this_year / "episodes.csv", "DECOM", "DATE_OF_COMMENCEMENT")
    result = run("check", str(this_year), "--quiet")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "DATE_OF_COMMENCEMENT meant to be DECOM" in result.stdout + result.stderr


def test_two_misspelt_columns_are_both_named(this_year: Path) -> None:
    _rename(this_year / "header.csv", "CHILD", "CHILD_ID")
    _rename(this_year / "header.csv", "ETHNIC", "ETHNICITY")
    with pytest.raises(
        InputError,
        match="lacks the mandatory columns CHILD, ETHNIC; is CHILD_ID "
        "meant to be CHILD\\?, is ETHNICITY meant to be ETHNIC\\?",
    ):
        load([this_year])


def test_a_file_of_other_columns_is_still_only_a_note(this_year: Path) -> None:
    (this_year / "contacts.csv").write_text("name,telephone,DOB\nA. Smith,0100,01/01/1980\n")
    assert any("contacts.csv: skipped" in note for note in load([this_year]).notes)


def test_a_title_row_above_an_xlsx_header_is_passed_over_and_said(this_year: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Episodes"
    sheet.append(["Children looked after: episodes, 2025-26"])
    sheet.append([])
    with (this_year / "episodes.csv").open() as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        sheet.append(row)
    book.save(this_year / "episodes.xlsx")
    (this_year / "episodes.csv").unlink()
    tables = load([this_year])
    assert tables.tables["Episodes"].raw["_line"].to_list()[:2] == [4, 5]
    assert tables.typed("Episodes").height == len(rows) - 1
    assert (
        f"{this_year.name}/episodes.xlsx (sheet Episodes): row 1 above the header (row 3) was "
        "not read as data"
    ) in tables.notes


def test_quiet_still_shows_what_was_skipped(this_year: Path) -> None:
    (this_year / "contacts.csv").write_text("name,telephone,DOB\nA. Smith,0100,01/01/1980\n")
    result = run("check", str(this_year), "--quiet")
    assert "contacts.csv: skipped, its columns" in " ".join(result.stdout.split())


def test_a_title_line_above_a_csv_header_is_passed_over_and_said(this_year: Path) -> None:
    episodes = this_year / "episodes.csv"
    episodes.write_text("Episodes of care 2025-26,,,,,,,,,,,,\n" + episodes.read_text())
    tables = load([this_year])
    assert tables.tables["Episodes"].raw["_line"].to_list()[0] == 3
    assert (
        f"{this_year.name}/episodes.csv: line 1 above the header (line 2) was not read as data"
        in tables.notes
    )
