"""`diff`: findings matched across re-extracts by rule, child and values, not by row number."""

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import episodes_csv, header_csv

EPISODES = episodes_csv(*(f"{n},01/05/2025,S,C2,N1,U1,PR1,,,,,," for n in (1, 2, 3)))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # These extracts hold only the tables the tests need: --partial says that is meant.
    if args[0] == "check":
        args = (*args, "--partial")
    return subprocess.run(
        [sys.executable, "-m", "csc_validate", *args], capture_output=True, text=True, check=False
    )


def _report(tmp_path: Path, name: str, *rows: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "h.csv").write_text(header_csv(*rows))
    (folder / "e.csv").write_text(EPISODES)
    out = tmp_path / f"{name}.json"
    run("check", str(folder), "--select", "102,103", "-y", "2025-26", "-o", str(out))
    return out


def test_fixed_new_and_still_open_ignore_row_numbers(tmp_path: Path) -> None:
    old = _report(
        tmp_path,
        "old",
        "1,F,31/02/2015,WBRI,,,",
        "2,F,01/01/2015,XXXX,,,",
        "3,F,01/01/2015,WBRI,,,",
    )
    # Child 1 fixed, child 2 still wrong but now on another line, child 3 newly wrong.
    new = _report(
        tmp_path,
        "new",
        "3,F,01/01/2015,YYYY,,,",
        "1,F,01/01/2015,WBRI,,,",
        "2,F,01/01/2015,XXXX,,,",
    )
    out = tmp_path / "diff.json"
    result = run("diff", str(old), str(new), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 fixed, 1 new, 1 still open" in result.stdout
    data = json.loads(out.read_text())
    assert [(f["rule"], f["child"]) for f in data["fixed"]] == [("102", "1")]
    assert [(f["rule"], f["child"]) for f in data["new"]] == [("103", "3")]
    assert [(f["rule"], f["child"], f["line"]) for f in data["still_open"]] == [("103", "2", 4)]


def test_csv_output_has_a_status_per_finding(tmp_path: Path) -> None:
    old = _report(tmp_path, "old", "1,F,31/02/2015,WBRI,,,")
    new = _report(tmp_path, "new", "1,F,01/01/2015,WBRI,,,")
    out = tmp_path / "diff.csv"
    run("diff", str(old), str(new), "-o", str(out))
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("status,rule")
    assert lines[1].startswith("fixed,102,error,Header")


def test_a_file_that_is_not_a_report_is_exit_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    result = run("diff", str(junk), str(junk))
    assert result.returncode == 2
    assert "junk.json" in result.stderr and "Traceback" not in result.stderr


def test_fixed_and_new_are_listed_by_rule_child_and_row_and_new_errors_fail(
    tmp_path: Path,
) -> None:
    old = _report(tmp_path, "old", "1,F,31/02/2015,WBRI,,,", "2,F,01/01/2015,WBRI,,,")
    new = _report(tmp_path, "new", "1,F,01/01/2015,WBRI,,,", "2,F,01/01/2015,ZZZZ,,,")
    result = run("diff", str(old), str(new), "--fail-on", "new")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 new error" in result.stderr
    fixed = result.stdout.split("Fixed (1)")[1].split("New (1)")[0]
    assert re.search(r"102\s+1\s+Header\s+2\s+DOB=31/02/2015", fixed)
    added = result.stdout.split("New (1)")[1]
    assert re.search(r"103\s+2\s+Header\s+3\s+ETHNIC=ZZZZ", added)
    # Without --fail-on new (and with nothing new) the exit code stays 0.
    assert run("diff", str(old), str(new)).returncode == 0
    assert run("diff", str(new), str(new), "--fail-on", "new").returncode == 0
    assert run("diff", str(old), str(new), "--fail-on", "sometimes").returncode == 2
