"""The CIN census end to end, as a user runs it: the bundled example, clean and broken files."""

import json
from pathlib import Path

import pytest

from csc_validate.check import check
from csc_validate.collections.cin import synthetic
from tests.cli.test_cli import run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cin" / "cin-2025-26.xml"
YEARS = ("2023-24", "2024-25", "2025-26", "2026-27")


def test_the_bundled_census_has_findings_that_point_at_elements() -> None:
    result = run("check", str(EXAMPLE), "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["collection"] == "cin" and report["year"] == "2025-26"
    assert report["findings"]
    for finding in report["findings"]:
        if finding["row"] is None:
            continue
        assert finding["line"] > 1
        assert finding["xpath"].startswith("/Message/Children/Child[")
        assert finding["child"]


@pytest.mark.parametrize("year", YEARS)
def test_a_clean_generated_census_has_no_findings(tmp_path: Path, year: str) -> None:
    census = synthetic.generate(400, seed=11, year=year, error_rate=0)
    path = tmp_path / "cin.xml"
    synthetic.write(census, path)
    report = check([path])
    assert report.year == year
    assert [(f.rule, f.table, f.line) for f in report.findings] == []
    # Only the rule that compares with last year's census (not given) waits for --previous.
    assert [s.rule for s in report.skipped] == ["CSC030"] and not report.crashes


def test_every_generated_mistake_is_found(tmp_path: Path) -> None:
    census = synthetic.generate(600, seed=5, year="2025-26", error_rate=0.3)
    path = tmp_path / "cin.xml"
    synthetic.write(census, path)
    report = check([path])
    found = {(f.child, f.rule) for f in report.findings}
    for mistake in census.mistakes:
        assert any((mistake.child, rule) in found for rule in mistake.rules), mistake


def test_the_year_can_be_forced(tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    synthetic.write(synthetic.generate(50, seed=2, year="2025-26", error_rate=0), path)
    assert check([path], year="2024-25").year == "2024-25"


BAD_FILES = {
    "malformed.xml": b"<Message><Header></Message>",
    "empty.xml": b"",
    "bomb.xml": b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    b"<Message>&lol2;</Message>",
    "xxe.xml": b'<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"\n<Message>&x;</Message>",
    "truncated.xml": EXAMPLE.read_bytes()[:5000],
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unusable_files_give_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    result = run("check", str(path), "--collection", "cin")
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_an_ssda903_return_given_as_cin_is_refused(tmp_path: Path, extract) -> None:
    xml = tmp_path / "903.xml"
    xml.write_text("<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID></HEADER></CHILD></EXPSSDA903>")
    result = run("check", str(xml), "--collection", "cin")
    assert result.returncode == 2
    assert "not the CIN census" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    folder = Path(__file__).resolve().parents[2] / "examples" / "ssda903" / "2025-26"
    result = run("check", str(folder), "--collection", "cin")
    assert result.returncode == 2, result.stdout
    assert "hold tables of the SSDA903 return" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_collection_is_told_from_the_file() -> None:
    assert run("check", str(EXAMPLE), "-q").returncode == 1
    explained = run("explain", "8606")
    assert explained.returncode == 0 and "40 weeks" in explained.stdout


def test_cin_tables_read_from_csv_give_the_same_findings(tmp_path: Path) -> None:
    xml_report = check([EXAMPLE])
    folder = tmp_path / "tables"
    folder.mkdir()
    from csc_validate.pipeline.load import load

    tables = load([EXAMPLE])
    for name, loaded in tables.tables.items():
        columns = [c for c in loaded.raw.columns if not c.startswith("_")]
        loaded.raw.select(columns).write_csv(folder / f"{name}.csv")
    csv_report = check([folder], collection="cin", year="2025-26")
    assert {(f.rule, f.table, f.row) for f in csv_report.findings} == {
        (f.rule, f.table, f.row) for f in xml_report.findings
    }
