"""This year's and last year's returns mixed up are said, not checked as if right."""

import shutil
from pathlib import Path

import pytest

from csc_validate.errors import InputError, UsageError
from csc_validate.pipeline.load import load
from tests.cli.test_cli import run
from tests.extracts.conftest import EXAMPLES


def test_the_same_files_as_this_year_and_last_are_refused(this_year: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(this_year, tmp_path / "copy")
    with pytest.raises(
        InputError,
        match=r"copy/[a-z_]+\.csv: and the rest of last year.s return are this year.s return again",
    ):
        load([this_year], [copy])


def test_one_file_shared_by_both_years_is_refused(this_year: Path, last_year: Path) -> None:
    shutil.copy(this_year / "header.csv", last_year / "header.csv")
    with pytest.raises(InputError, match=r"2024-25/header\.csv: is the same file as"):
        load([this_year], [last_year])


def test_swapped_years_are_refused(this_year: Path, last_year: Path) -> None:
    with pytest.raises(UsageError, match="later than this 2024-25 return: are this year's and"):
        load([last_year], [this_year])


def test_last_year_must_be_the_year_before(this_year: Path, tmp_path: Path) -> None:
    # The 2025-26 return given as last year's to itself, with one episode changed so that the
    # files differ: both are 2025-26.
    copy = Path(shutil.copytree(this_year, tmp_path / "again"))
    episodes = copy / "episodes.csv"
    episodes.write_text(episodes.read_text().replace("PR2", "PR1", 1))
    for other in copy.iterdir():
        if other.name != "episodes.csv":
            other.write_text(other.read_text() + "\n")
    with pytest.raises(UsageError, match="looks like the 2025-26 return too"):
        load([this_year], [copy])


def test_last_years_files_checked_as_this_year_are_said(last_year: Path) -> None:
    result = run("check", str(last_year), "--year", "2025-26", "--quiet")
    assert "--year 2025-26 was given, but the data look like the 2024-25 return" in " ".join(
        result.stdout.split()
    )


def test_the_bundled_years_go_together() -> None:
    tables = load([EXAMPLES / "2025-26"], [EXAMPLES / "2024-25"])
    assert tables.year == "2025-26" and not tables.missing


def test_identical_tables_without_rows_are_no_mix_up(this_year: Path, last_year: Path) -> None:
    # No adoptions in either year: the same header-only AD1 file both years is normal.
    (last_year / "ad1.csv").write_bytes((this_year / "ad1.csv").read_bytes())
    assert (this_year / "ad1.csv").read_text().count("\n") == 1
    tables = load([this_year], [last_year])
    assert tables.year == "2025-26" and "AD1_last" in tables.tables
