"""Dates in another spelling (a SQL export's yyyy-mm-dd) are diagnosed once per column."""

import re
from pathlib import Path

import polars as pl
import pytest

from csc_validate import collections
from csc_validate.check import check
from csc_validate.errors import UsageError
from csc_validate.pipeline.load import load
from csc_validate.readers.casting import foreign_date_spelling

ISO = (re.compile(r"(\d{2})/(\d{2})/(\d{4})"), lambda m: f"{m[3]}-{m[2]}-{m[1]}")


def _iso_column(path: Path, position: int) -> None:
    lines = path.read_text().splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[position] = ISO[0].sub(ISO[1], cells[position])
        out.append(",".join(cells))
    path.write_text("\n".join(out) + "\n")


def test_a_column_of_iso_dates_is_said_once(this_year: Path) -> None:
    _iso_column(this_year / "episodes.csv", 7)  # DEC
    report = check([this_year], partial=True)
    notes = [note for note in report.notes if "yyyy-mm-dd" in note]
    column = pl.read_csv(this_year / "episodes.csv", infer_schema=False)["DEC"]
    first, count = column.is_not_null().arg_true()[0], column.drop_nulls().len()
    assert notes == [
        f'{this_year.name}/episodes.csv, line {first + 2}, DEC: "{column[first]}": '
        f"{count} of the {count} dates in this column are written yyyy-mm-dd, "
        "but the SSDA903 return (children looked after) takes dd/mm/yyyy; re-export them in "
        "that form"
    ]


def test_iso_episode_starts_say_why_the_year_cannot_be_told(this_year: Path) -> None:
    _iso_column(this_year / "episodes.csv", 1)  # DECOM
    with pytest.raises(UsageError) as caught:
        load([this_year])
    message = str(caught.value)
    assert message.startswith("cannot tell the collection year from the data: ")
    starts = pl.read_csv(this_year / "episodes.csv", infer_schema=False)["DECOM"]
    assert (
        f'episodes.csv, line 2, DECOM: "{starts[0]}": {starts.len()} of the {starts.len()} dates'
        in message
    )
    assert "takes dd/mm/yyyy" in message and "--year" in message


def test_a_one_off_date_in_another_spelling_is_left_to_its_finding(this_year: Path) -> None:
    # The bundled return has one DECOM written 2021-10-29: a finding, not a note.
    assert not [note for note in load([this_year]).notes if "yyyy-mm-dd" in note]


def test_each_collection_declares_the_spellings_it_takes() -> None:
    iso = pl.Series(["2025-06-20", "2025-07-01", None])
    assert foreign_date_spelling(iso, collections.get("cin").date_formats) is None
    spelling = foreign_date_spelling(iso, collections.get("ssda903").date_formats)
    assert spelling is not None and (spelling.label, spelling.count) == ("yyyy-mm-dd", 2)
    uk = pl.Series(["20/06/2025"])
    assert foreign_date_spelling(uk, collections.get("cin").date_formats) is None
    assert foreign_date_spelling(uk, collections.get("ssda903").date_formats) is None
