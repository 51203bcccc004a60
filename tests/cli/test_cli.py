"""The command line as a user runs it: exit codes, one-line errors, files written."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import episodes_csv, header_csv

CLEAN_HEADER = header_csv("1,F,01/01/2015,WBRI,,,")
CLEAN_EPISODES = episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "csc_validate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_findings_exit_1_and_are_listed(extract) -> None:
    folder = extract({"h.csv": header_csv("1,F,31/02/2025,WBRI,,,"), "e.csv": CLEAN_EPISODES})
    result = run("check", str(folder), "--partial", "--select", "102")
    assert result.returncode == 1, result.stderr
    assert "102" in result.stdout
    assert "31/02/2025" in result.stdout


def test_no_findings_exit_0(extract) -> None:
    folder = extract({"h.csv": CLEAN_HEADER, "e.csv": CLEAN_EPISODES})
    result = run("check", str(folder), "--partial", "--select", "101,102,302")
    assert result.returncode == 0, result.stdout + result.stderr


def test_fail_on_never_exits_0_with_findings(extract) -> None:
    folder = extract({"h.csv": header_csv("1,F,,WBRI,,,"), "e.csv": CLEAN_EPISODES})
    assert (
        run("check", str(folder), "--partial", "--select", "102", "--fail-on", "never").returncode
        == 0
    )


def test_json_report_is_written_atomically_and_byte_identical(extract, tmp_path: Path) -> None:
    folder = extract({"h.csv": header_csv("1,X,31/02/2025,WBRI,,,"), "e.csv": CLEAN_EPISODES})
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run("check", str(folder), "--partial", "--format", "json", "--output", str(first))
    run("check", str(folder), "--partial", "--format", "json", "--output", str(second))
    assert first.read_bytes() == second.read_bytes()
    report = json.loads(first.read_text())
    assert {f["rule"] for f in report["findings"]} >= {"101", "102"}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_json_to_standard_output_is_only_json(extract) -> None:
    folder = extract({"h.csv": CLEAN_HEADER, "e.csv": CLEAN_EPISODES})
    result = run("check", str(folder), "--partial", "--format", "json", "--select", "102")
    assert json.loads(result.stdout)["year"] == "2025-26"


def test_csv_report_has_one_row_per_finding(extract, tmp_path: Path) -> None:
    folder = extract({"h.csv": header_csv("1,X,31/02/2025,WBRI,,,"), "e.csv": CLEAN_EPISODES})
    out = tmp_path / "findings.csv"
    run(
        "check",
        str(folder),
        "--partial",
        "--select",
        "101,102",
        "--format",
        "csv",
        "--output",
        str(out),
    )
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("rule,severity,table,row,line,child")
    assert len(lines) == 3


def test_binary_junk_is_one_line_and_exit_2(extract) -> None:
    folder = extract({"junk.csv": bytes(range(256))})
    result = run("check", str(folder), "--partial")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "junk.csv" in result.stderr and "Traceback" not in result.stderr


def test_missing_mandatory_column_is_one_line_and_exit_2(extract) -> None:
    folder = extract({"h.csv": "CHILD,SEX,ETHNIC\n1,F,WBRI\n", "e.csv": CLEAN_EPISODES})
    result = run("check", str(folder), "--partial")
    assert result.returncode == 2
    assert "h.csv, line 1: looks like the Header table" in result.stderr
    assert "DOB" in result.stderr


def test_cp1252_file_is_read(extract) -> None:
    data = header_csv("Zoé£,F,01/01/2015,WBRI,,,").encode("cp1252")
    folder = extract({"h.csv": data, "e.csv": episodes_csv("Zoé£,01/05/2025,S,C2,N1,U1,PR1,,,,,,")})
    result = run("check", str(folder), "--partial", "--select", "101,102,302")
    assert result.returncode == 0, result.stdout + result.stderr


def test_unknown_rule_is_exit_2_with_a_suggestion(extract) -> None:
    folder = extract({"h.csv": CLEAN_HEADER, "e.csv": CLEAN_EPISODES})
    result = run("check", str(folder), "--partial", "--select", "Episode")
    assert result.returncode == 2
    assert "did you mean Episodes" in result.stderr


def test_rules_json_lists_codes() -> None:
    result = run("rules", "--collection", "ssda903", "--year", "2025-26", "--format", "json")
    codes = {rule["code"] for rule in json.loads(result.stdout)}
    assert {"101", "102", "302"} <= codes


def test_rules_lists_a_dfe_rule_it_does_not_check_as_such() -> None:
    result = run("rules", "--collection", "ssda903", "--year", "2023-24", "--format", "json")
    listed = {rule["code"]: rule for rule in json.loads(result.stdout)}
    assert listed["SW11aSTG2"]["checked"] is False and "SW11bSTG2" in listed["SW11aSTG2"]["reason"]
    assert listed["SW11bSTG2"]["checked"] is True
    table = run("rules", "--collection", "ssda903", "--year", "2023-24")
    assert "Not checked by csc-validate: SW11aSTG2." in table.stdout
    later = run("rules", "--collection", "ssda903", "--year", "2024-25", "--format", "json")
    assert all(rule["checked"] for rule in json.loads(later.stdout))


def test_rules_for_an_unknown_collection_is_exit_2() -> None:
    assert run("rules", "--collection", "nope", "--format", "json").returncode == 2


def test_explain_shows_message_years_and_example() -> None:
    result = run("explain", "302")
    assert result.returncode == 0
    assert "First episode starts before child was born." in result.stdout
    assert "2023-24, 2024-25, 2025-26, 2026-27" in result.stdout
    assert "flagged" in result.stdout and "clean" in result.stdout


def test_explain_shows_a_case_that_flags_a_row_when_the_first_flags_none() -> None:
    result = run("explain", "452")
    assert result.returncode == 0, result.stderr
    assert "Example: a first episode, by start date, in another LA" in result.stdout


def test_explain_shows_the_years_wording_and_an_example_of_that_year() -> None:
    # Rule 101 is one module whose 2024-25 pack gives new codes and wording.
    before = run("explain", "101", "--collection", "ssda903", "--year", "2023-24")
    after = run("explain", "101", "--collection", "ssda903", "--year", "2024-25")
    assert "Gender code is not valid." in before.stdout
    assert "Example: a blank sex or a code not in the year's list is flagged" in before.stdout
    assert "The child or young person’s reported sex is not valid." in after.stdout
    assert "not M, F or U" in after.stdout
    assert "Example: old numeric codes, blanks and unknown letters are flagged" in after.stdout


def test_explain_says_why_a_dfe_rule_is_not_checked() -> None:
    result = run("explain", "SW11aSTG2")
    assert result.returncode == 0, result.stderr
    assert "Not checked by csc-validate" in result.stdout and "SW11bSTG2" in result.stdout
