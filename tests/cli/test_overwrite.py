"""No output may land on an input: check, its settings, --write-baseline, export and convert
refuse with exit code 2 before anything runs, however the path is spelt."""

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from csc_validate.cli.app import main
from csc_validate.errors import UsageError
from csc_validate.overwrite import refuse_outputs_over_inputs
from tests.conftest import episodes_csv, header_csv

HEADER = header_csv("1,F,01/01/2015,WBRI,,,")
EPISODES = episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,")


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys, *args: str) -> tuple[int, str]:
    """The program as `python -m csc_validate` runs it, in this process (a subprocess costs
    seconds): exit code and standard error."""
    monkeypatch.setattr(sys, "argv", ["csc-validate", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    code = stopped.value.code
    return (0 if code is None else int(code)), capsys.readouterr().err


@pytest.fixture
def folder(extract, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = extract({"header.csv": HEADER, "episodes.csv": EPISODES})
    monkeypatch.chdir(folder.parent)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir())}


# Each way of naming an input's file as an output: (description, make the output path).
SPELLINGS: list[tuple[str, Callable[[Path], Path]]] = [
    ("the same relative path", lambda folder: Path("extract/header.csv")),
    ("an absolute path", lambda folder: (folder / "header.csv").resolve()),
    ("a path with ..", lambda folder: Path("extract/../extract/./header.csv")),
    ("a symbolic link to it", lambda folder: _link(folder, os.symlink, "link.csv")),
    ("a hard link to it", lambda folder: _link(folder, os.link, "hard.csv")),
    ("a link to its folder", lambda folder: _folder_link(folder) / "header.csv"),
]


def _link(folder: Path, make: Callable[[str, str], None], name: str) -> Path:
    target = folder.parent / name
    make(str(folder / "header.csv"), str(target))
    return Path(name)


def _folder_link(folder: Path) -> Path:
    target = folder.parent / "alias"
    os.symlink(str(folder), str(target), target_is_directory=True)
    return Path("alias")


@pytest.mark.parametrize(("how", "spell"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_output_over_an_input_is_refused_however_spelt(
    folder: Path, monkeypatch, capsys, how: str, spell: Callable[[Path], Path]
) -> None:
    before = _snapshot(folder)
    output = spell(folder)
    code, err = run_cli(monkeypatch, capsys, "check", "extract", "--partial", "-o", str(output))
    assert code == 2, err
    assert err.startswith(f"error: --output {output}: is one of the files being checked")
    assert "never overwrites" in err and err[-1] == "\n" and err.count("\n") == 1
    assert _snapshot(folder) == before


def test_a_file_named_directly_is_protected_too(folder: Path, monkeypatch, capsys) -> None:
    before = _snapshot(folder)
    code, err = run_cli(
        monkeypatch, capsys, "check", "extract/header.csv", "extract/episodes.csv",
        "--partial", "-o", "./extract/episodes.csv",
    )  # fmt: skip
    assert code == 2
    assert "is one of the files being checked (extract/episodes.csv)" in err
    assert _snapshot(folder) == before


def test_write_baseline_over_last_years_return_is_refused(
    folder: Path, extract, monkeypatch, capsys
) -> None:
    last = folder.parent / "last"
    last.mkdir()
    (last / "header.csv").write_text(header_csv("1,F,01/01/2015,WBRI,,,"))
    before = (last / "header.csv").read_bytes()
    code, err = run_cli(
        monkeypatch, capsys, "check", "extract", "-p", "last", "--partial",
        "--write-baseline", "last/header.csv",
    )  # fmt: skip
    assert code == 2
    assert "--write-baseline last/header.csv: is one of last year's files" in err
    assert (last / "header.csv").read_bytes() == before


def test_an_output_in_the_settings_file_over_an_input_is_refused(
    folder: Path, monkeypatch, capsys
) -> None:
    settings = folder.parent / "csc-validate.toml"
    settings.write_text(
        'inputs = ["extract/"]\npartial = true\n\n'
        '[[outputs]]\nformat = "csv"\npath = "extract/episodes.csv"\n'
    )
    before = _snapshot(folder)
    code, err = run_cli(monkeypatch, capsys, "check")
    assert code == 2
    assert "--output extract/episodes.csv: is one of the files being checked" in err
    assert _snapshot(folder) == before


def test_an_output_over_the_settings_file_or_baseline_is_refused(
    folder: Path, monkeypatch, capsys
) -> None:
    (folder.parent / "csc-validate.toml").write_text('inputs = ["extract/"]\npartial = true\n')
    code, err = run_cli(monkeypatch, capsys, "check", "-o", "csc-validate.toml", "-f", "json")
    assert code == 2 and "is the settings file (csc-validate.toml)" in err
    assert (folder.parent / "csc-validate.toml").read_text().startswith("inputs")
    (folder.parent / "baseline.json").write_text("{}")
    code, err = run_cli(
        monkeypatch, capsys, "check", "--baseline", "baseline.json", "-o", "baseline.json"
    )
    assert code == 2 and "is the baseline (baseline.json)" in err


def test_rewriting_the_baseline_that_is_read_is_allowed(folder: Path, monkeypatch, capsys) -> None:
    code, err = run_cli(
        monkeypatch, capsys, "check", "extract", "--partial", "--select", "102",
        "--write-baseline", "baseline.json",
    )  # fmt: skip
    assert code == 0, err
    code, err = run_cli(
        monkeypatch, capsys, "check", "extract", "--partial", "--select", "102",
        "--baseline", "baseline.json", "--write-baseline", "baseline.json",
    )  # fmt: skip
    assert code == 0, err


def test_a_new_file_beside_the_inputs_is_written(folder: Path, monkeypatch, capsys) -> None:
    code, err = run_cli(
        monkeypatch, capsys, "check", "extract", "--partial", "--select", "102",
        "-o", "extract/report.json",
    )  # fmt: skip
    assert code == 0, err
    assert (folder / "report.json").is_file()


def test_export_over_its_extract_is_refused_before_checking(
    folder: Path, monkeypatch, capsys
) -> None:
    before = _snapshot(folder)
    _link(folder, os.symlink, "return.xml")
    monkeypatch.setattr(
        sys, "argv", ["csc-validate", "export", "ssda903", "extract", "-o", "return.xml"]
    )
    with pytest.raises(SystemExit) as stopped:
        main()
    out, err = capsys.readouterr()
    assert stopped.value.code == 2
    assert err.startswith("error: --output return.xml: is one of the files being exported")
    # Refused before the check: nothing of the check's report was printed.
    assert out == ""
    assert _snapshot(folder) == before


def test_convert_over_its_xml_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    xml = b"<?xml version='1.0'?><Message><Header></Header></Message>"
    for target, name in (("csv", "Header.csv"), ("xlsx", "return.xlsx")):
        (tmp_path / name).write_bytes(xml)
        code, err = run_cli(monkeypatch, capsys, "convert", name, "--to", target, "--out", ".")
        assert code == 2, err
        assert f"is the XML return being converted ({name})" in err
        assert (tmp_path / name).read_bytes() == xml


def test_standard_input_is_no_file_to_protect(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    refuse_outputs_over_inputs([("--output", Path("-"))], [("input", Path("-"))])


def test_a_missing_output_is_compared_by_its_resolved_path(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("x")
    with pytest.raises(UsageError):
        refuse_outputs_over_inputs(
            [("--output", tmp_path / "sub" / ".." / "in.csv")], [("input", tmp_path / "in.csv")]
        )
    refuse_outputs_over_inputs(
        [("--output", tmp_path / "new.csv")], [("input", tmp_path / "in.csv")]
    )


def test_a_team_workbook_over_an_input_is_refused(folder: Path, monkeypatch, capsys) -> None:
    (folder.parent / "teams.csv").write_text("CHILD,TEAM\n1,North\n")
    (folder / "errors-North.xlsx").write_bytes(b"last week's team workbook")
    code, err = run_cli(
        monkeypatch, capsys, "check", "extract", "--partial",
        "-o", "extract/errors.xlsx", "--split-by", "teams.csv:TEAM",
    )  # fmt: skip
    assert code == 2
    assert "--split-by's workbook extract/errors-North.xlsx: is one of the files" in err
    assert (folder / "errors-North.xlsx").read_bytes() == b"last week's team workbook"
    assert not (folder / "errors.xlsx").exists()
