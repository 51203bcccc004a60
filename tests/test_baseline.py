"""Baselines: known findings are matched by rule, child and identifying values, not row number."""

import json
from pathlib import Path

import pytest

from csc_validate import baseline
from csc_validate.check import check
from csc_validate.errors import UsageError
from csc_validate.findings import Report
from tests.cli.test_cli import run
from tests.conftest import episodes_csv, header_csv

EPISODE = "{child},{decom},S,C2,N1,U1,PR1,,,,,,"


def _episodes(*rows: tuple[str, str]) -> str:
    return episodes_csv(*(EPISODE.format(child=c, decom=d) for c, d in rows))


def _new(folder: Path, recorded: Path, select: str) -> Report:
    """The check of `folder`, less the findings recorded in the baseline."""
    report = check([folder], year="2025-26", select=[select])
    return baseline.apply(report, baseline.load(recorded), "b.json")


def test_findings_in_the_baseline_are_not_reported_even_when_rows_move(
    extract, tmp_path: Path
) -> None:
    header = header_csv("1,X,01/01/2015,WBRI,,,", "2,F,01/01/2015,WBRI,,,")
    folder = extract({"h.csv": header, "e.csv": _episodes(("1", "01/05/2025"))})
    recorded = tmp_path / "baseline.json"
    baseline.write(check([folder], year="2025-26", select=["101"]), recorded)
    # A new child above the old one moves its row, and a new mistake appears for child 3.
    header = header_csv(
        "3,Y,01/01/2016,WBRI,,,", "1,X,01/01/2015,WBRI,,,", "2,F,01/01/2015,WBRI,,,"
    )
    folder = extract({"h.csv": header, "e.csv": _episodes(("1", "01/05/2025"))})
    report = _new(folder, recorded, "101")
    assert [(f.rule, f.child) for f in report.findings] == [("101", "3")]
    assert report.totals["error"] == 1 and report.summary[0].count == 1
    assert any("1 known findings not shown, 1 new" in note for note in report.notes)


def test_rows_of_one_child_are_told_apart_by_their_identifying_values(
    extract, tmp_path: Path
) -> None:
    header = header_csv("1,F,01/01/2015,WBRI,,,")
    bad = extract({"h.csv": header, "e.csv": _episodes(("1", "31/02/2025"))})
    recorded = tmp_path / "baseline.json"
    baseline.write(check([bad], year="2025-26", select=["141"]), recorded)
    entries = json.loads(recorded.read_text())["findings"]
    assert entries[0]["key"] == {"DECOM": "31/02/2025"}
    # The same child's other episode with the same mistake is a new finding.
    both = extract({"h.csv": header, "e.csv": _episodes(("1", "31/02/2025"), ("1", "30/02/2025"))})
    report = _new(both, recorded, "141")
    assert [f.values["DECOM"] for f in report.findings] == ["30/02/2025"]


def test_each_baseline_entry_excuses_one_finding(extract, tmp_path: Path) -> None:
    one = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": _episodes()})
    recorded = tmp_path / "baseline.json"
    baseline.write(check([one], year="2025-26", select=["101"]), recorded)
    twice = header_csv("1,X,01/01/2015,WBRI,,,", "1,X,01/01/2015,WBRI,,,")
    folder = extract({"h.csv": twice, "e.csv": _episodes()})
    report = _new(folder, recorded, "101")
    assert len(report.findings) == 1


def test_fixed_findings_are_mentioned(extract, tmp_path: Path) -> None:
    folder = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": _episodes()})
    recorded = tmp_path / "baseline.json"
    baseline.write(check([folder], year="2025-26", select=["101"]), recorded)
    folder = extract({"h.csv": header_csv("1,F,01/01/2015,WBRI,,,"), "e.csv": _episodes()})
    report = _new(folder, recorded, "101")
    assert report.findings == ()
    assert any("1 of its findings are gone" in note for note in report.notes)


def test_the_same_findings_write_the_same_file(extract, tmp_path: Path) -> None:
    folder = extract({"h.csv": header_csv("2,X,,WBRI,,,", "1,Y,,WBRI,,,"), "e.csv": _episodes()})
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    baseline.write(check([folder], year="2025-26"), first)
    baseline.write(check([folder], year="2025-26"), second)
    assert first.read_bytes() == second.read_bytes()


def test_an_unusable_baseline_is_named(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    with pytest.raises(UsageError, match="no such file"):
        baseline.load(path)
    path.write_text("{not json")
    with pytest.raises(UsageError, match="cannot be read as JSON"):
        baseline.load(path)
    path.write_text('{"collection": "x", "year": "2025-26", "findings": [{"rule": "1"}]}')
    with pytest.raises(UsageError, match=r"baseline\.json: findings\.0\.table"):
        baseline.load(path)


def test_a_baseline_of_another_collection_is_refused(extract, tmp_path: Path) -> None:
    folder = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": _episodes()})
    report = check([folder], year="2025-26", select=["101"])
    other = baseline.Baseline(collection="other", year=report.year, findings=())
    with pytest.raises(UsageError, match="recorded for other"):
        baseline.apply(report, other, "b.json")


def test_the_command_line_writes_a_baseline_then_fails_only_on_new_findings(
    extract, tmp_path: Path
) -> None:
    folder = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": _episodes()})
    recorded = tmp_path / "baseline.json"
    first = run(
        "check", str(folder), "--year", "2025-26", "--partial", "--write-baseline", str(recorded)
    )
    assert first.returncode == 1 and recorded.is_file(), first.stderr
    again = run("check", str(folder), "--year", "2025-26", "--partial", "--baseline", str(recorded))
    assert again.returncode == 0, again.stdout + again.stderr
    (folder / "h.csv").write_text(header_csv("1,X,01/01/2015,WBRI,,,", "2,Y,01/01/2015,WBRI,,,"))
    new = run(
        "check",
        str(folder),
        "--year",
        "2025-26",
        "--partial",
        "--baseline",
        str(recorded),
        "-f",
        "json",
    )
    assert new.returncode == 1
    assert {f["child"] for f in json.loads(new.stdout)["findings"]} == {"2"}
