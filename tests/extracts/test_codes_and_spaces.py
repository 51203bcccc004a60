"""Codes are checked as written, and spaces around values are dropped and named once per column
(issue 15 §2), in CSV extracts and in the CIN census XML alike."""

import shutil
from pathlib import Path

from csc_validate.check import check

ROOT = Path(__file__).resolve().parents[2]
CENSUS = ROOT / "examples" / "cin" / "cin-2025-26.xml"


def _rewrite_column(path: Path, column: str, change) -> int:  # type: ignore[no-untyped-def]
    """Apply `change` to every cell of `column` in a simple CSV file; the rows changed."""
    lines = path.read_text().splitlines()
    position = lines[0].split(",").index(column)
    changed = 0
    for number, line in enumerate(lines[1:], start=1):
        cells = line.split(",")
        if cells[position]:
            cells[position] = change(cells[position])
            changed += 1
        lines[number] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")
    return changed


def _findings(path: Path) -> list[tuple[str, str, int | None]]:
    return [(f.rule, f.table, f.row) for f in check([path], partial=True).findings]


def test_spaces_around_codes_are_dropped_and_named_once(this_year: Path, tmp_path: Path) -> None:
    as_given = _findings(this_year)
    spaced = Path(shutil.copytree(this_year, tmp_path / "spaced"))
    count = _rewrite_column(spaced / "episodes.csv", "RNE", lambda value: f" {value}  ")
    report = check([spaced], partial=True)
    assert [(f.rule, f.table, f.row) for f in report.findings] == as_given
    notes = [note for note in report.notes if "spaces around" in note]
    assert len(notes) == 1
    assert notes[0].startswith("spaced/episodes.csv, line 2, RNE: ")
    assert f"and {count - 1} other values" in notes[0]


def test_a_lower_case_code_is_not_the_code(this_year: Path) -> None:
    before = {(f.rule, f.row) for f in check([this_year], partial=True).findings}
    _rewrite_column(this_year / "episodes.csv", "RNE", str.lower)
    after = {(f.rule, f.row) for f in check([this_year], partial=True).findings} - before
    # Every episode's reason for new episode is now outside DfE's list (rule 143).
    rows = (this_year / "episodes.csv").read_text().count("\n") - 1
    assert {row for rule, row in after if rule == "143"} == set(range(rows))


def test_the_census_xml_names_spaces_and_reads_codes_as_written(tmp_path: Path) -> None:
    text = CENSUS.read_text()
    changed = tmp_path / "cin.xml"
    changed.write_text(
        text.replace("<Sex>M</Sex>", "<Sex> M </Sex>", 1).replace("<Sex>F</Sex>", "<Sex>f</Sex>", 1)
    )
    report = check([changed])
    notes = [note for note in report.notes if "spaces around" in note]
    assert len(notes) == 1 and '<Sex> " M "' in notes[0]
    baseline = {(f.rule, f.row) for f in check([CENSUS]).findings}
    new = {(f.rule, f.table) for f in report.findings if (f.rule, f.row) not in baseline}
    assert new == {("4180", "ChildIdentifiers")}
