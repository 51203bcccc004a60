"""`trend` over check's JSON reports: counts per rule, table and team across runs, fixed and new
between runs, the oldest open findings, a CSV and a deterministic offline HTML page."""

import csv
import io
import sys
from pathlib import Path

import pytest

from csc_validate.check import check
from csc_validate.cli.app import main
from tests.conftest import episodes_csv, header_csv

EPISODES = episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,", "2,01/05/2025,S,C2,N1,U1,PR1,,,,,,")
# Month by month: child 1's ethnicity is wrong throughout; child 2's is fixed in October;
# child 3 arrives in November with a blank one.
MONTHS = {
    "2025-09": header_csv("1,F,01/01/2015,XXXX,,,", "2,M,01/01/2016,,,,"),
    "2025-10": header_csv("1,F,01/01/2015,XXXX,,,", "2,M,01/01/2016,WBRI,,,"),
    "2025-11": header_csv("1,F,01/01/2015,XXXX,,,", "2,M,01/01/2016,WBRI,,,", "3,F,01/01/2017,,,,"),
}


@pytest.fixture
def runs(tmp_path: Path) -> Path:
    folder = tmp_path / "runs"
    folder.mkdir()
    for month, header in MONTHS.items():
        extract = tmp_path / month
        extract.mkdir()
        (extract / "h.csv").write_text(header)
        (extract / "e.csv").write_text(EPISODES)
        report = check([extract], partial=True, select=["103"])
        (folder / f"{month}.json").write_text(report.model_dump_json(indent=2))
    return folder


def _run(monkeypatch: pytest.MonkeyPatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["csc-validate", "trend", *args])
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as stopped:
        main()
    out, err = capsys.readouterr()
    return (0 if stopped.value.code is None else int(stopped.value.code)), out, err


def test_counts_changes_and_the_oldest_finding(runs: Path, tmp_path: Path, monkeypatch, capsys):
    table = tmp_path / "trend.csv"
    code, out, err = _run(monkeypatch, capsys, str(runs), "-o", str(table))
    assert code == 0, err
    lines = [" ".join(line.split()) for line in out.splitlines()]
    # run, errors, queries, then fixed, new and still open against the run before
    assert "2025-09 2 0" in lines
    assert "2025-10 1 0 1 0 1" in lines
    assert "2025-11 2 0 0 1 1" in lines
    assert "103 2 1 2" in lines  # per rule, one column per run
    assert "Per team: the reports carry no team; give --teams LOOKUP.csv:COLUMN." in lines
    assert "103 Header 1 2025-09 3" in lines  # child 1, open in all three runs
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    picked = [(r["run"], r["measure"], r["count"]) for r in rows]
    assert picked == [
        ("2025-09", "findings", "2"),
        ("2025-10", "findings", "1"),
        ("2025-10", "fixed", "1"),
        ("2025-11", "findings", "2"),
        ("2025-11", "new", "1"),
    ]


def test_teams_are_counted_from_a_lookup(runs: Path, tmp_path: Path, monkeypatch, capsys):
    lookup = tmp_path / "teams.csv"
    lookup.write_text("CHILD,TEAM\n1,North [east]\n3,South\n")
    table = tmp_path / "trend.csv"
    code, out, _ = _run(
        monkeypatch, capsys, str(runs), "--teams", f"{lookup}:TEAM", "-o", str(table)
    )
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "North [east] 1 1 1" in lines and "South 0 0 1" in lines and "(no team) 1 0 0" in lines


def test_the_html_is_offline_escaped_and_the_same_every_time(
    runs: Path, tmp_path: Path, monkeypatch, capsys
):
    lookup = tmp_path / "teams.csv"
    lookup.write_text('CHILD,TEAM\n1,"<b>North</b> & co"\n')
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for page in (first, second):
        _run(monkeypatch, capsys, str(runs), "--teams", f"{lookup}:TEAM", "-o", str(page))
    html = first.read_text()
    assert first.read_bytes() == second.read_bytes()
    assert html.count("<svg") == 2 and "<polyline" in html
    for external in ("<script", "src=", "href=", "@import", "url("):
        assert external not in html
    assert "&lt;b&gt;North&lt;/b&gt; &amp; co" in html and "<b>North" not in html


def test_reports_given_one_by_one_keep_their_order(runs: Path, monkeypatch, capsys):
    files = [str(runs / f"{month}.json") for month in ("2025-11", "2025-09")]
    code, out, _ = _run(monkeypatch, capsys, *files)
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert code == 0 and "2025-09 2 0 1 1 1" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nothing.json"], "error: nothing.json: does not exist"),
        (["{runs}", "-o", "trend.txt"], "--output trend.txt: name it .csv or .html"),
        (["{runs}", "--teams", "t.csv:TEAM", "-o", "./t.csv"], "is the --teams lookup"),
    ],
)
def test_unusable_input_is_exit_2(
    runs: Path, tmp_path: Path, monkeypatch, capsys, args: list[str], message: str
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.csv").write_text("CHILD,TEAM\n1,North\n")
    code, _, err = _run(monkeypatch, capsys, *[a.format(runs=runs) for a in args])
    assert code == 2 and message in err
