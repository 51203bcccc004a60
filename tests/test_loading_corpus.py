"""Every case of the loading corpus gives its exit code and its one line, and no traceback."""

import csv
import io
import re
from pathlib import Path

import pytest

from csc_validate.collections.cin import COLLECTION
from csc_validate.readers.casting import read_date
from tests.hostile_corpus import (
    CIN_XML,
    CLEAN_EPISODE_ROW,
    CLEAN_HEADER_ROW,
    EPISODE_COLUMNS,
    HEADER_COLUMNS,
    Hostile,
)
from tests.loading_corpus import CASES, ZONED_DATES
from tests.test_hostile_corpus import run_cli


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_loading_case(
    case: Hostile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CSC_VALIDATE_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    arguments = case.build(tmp_path)
    code = run_cli(arguments, monkeypatch)
    out, err = capsys.readouterr()
    shown = f"\n--- stdout ---\n{out[-3000:]}\n--- stderr ---\n{err[-3000:]}"
    assert "Traceback" not in out + err, shown
    assert "internal error" not in out + err, shown
    assert code == case.exit_code, shown
    lines = (out if case.stream == "stdout" else err).splitlines()
    assert any(re.fullmatch(case.line, line.lstrip("\ufeff")) for line in lines), (
        f"no line matches {case.line!r}{shown}"
    )
    if case.exit_code == 2:
        errors = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, shown


def _findings(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> list[tuple[str, ...]]:
    """(rule, table, row, fields) of each finding of the census `text`, for 2025-26."""
    (tmp_path / "cin.xml").write_text(text)
    run_cli(["cin.xml", "--year", "2025-26", "--format", "csv"], monkeypatch)
    rows = csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")))
    return sorted((*row[:4], row[6]) for row in list(rows)[1:])


@pytest.mark.parametrize("value", ZONED_DATES)
def test_an_xs_date_with_a_time_zone_is_read_as_the_date(
    value: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = _findings(CIN_XML, tmp_path, monkeypatch, capsys)
    zoned = _findings(CIN_XML.replace("2025-07-25", value), tmp_path, monkeypatch, capsys)
    assert zoned == plain and not any(finding[0] == "CSC001" for finding in zoned)
    # The same in a CSV extract: one date reader for both.
    day = read_date(value, COLLECTION.date_formats)
    assert day == read_date("2025-07-25", COLLECTION.date_formats) is not None


@pytest.mark.parametrize(
    ("target", "where"),
    [
        # Year inference names the files it was given, the first being that of the episodes.
        ("csc_validate.collections.ssda903.year._dates", "episodes.csv, header.csv"),
        ("csc_validate.pipeline.tables.typed_frame", "episodes.csv"),
        ("csc_validate.readers.delimited.read", "episodes.csv"),
    ],
)
def test_a_failure_while_loading_names_the_file(
    target: str,
    where: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise ValueError("'25-26' is not a collection year")

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CSC_VALIDATE_DEBUG", raising=False)
    (tmp_path / "episodes.csv").write_text(EPISODE_COLUMNS + "\n" + CLEAN_EPISODE_ROW + "\n")
    (tmp_path / "header.csv").write_text(HEADER_COLUMNS + "\n" + CLEAN_HEADER_ROW + "\n")
    monkeypatch.setattr(target, fail)
    code = run_cli(["episodes.csv", "header.csv", "--partial"], monkeypatch)
    err = capsys.readouterr().err
    assert code == 2
    assert f"while reading {where}: ValueError: '25-26' is not a collection year" in err, err
