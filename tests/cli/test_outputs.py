"""Several outputs from one run, formats from extensions, encryption and team workbooks."""

import csv
import io
import json
import os
import subprocess
import sys

import msoffcrypto
import openpyxl

from tests.conftest import episodes_csv, header_csv

EPISODES = episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,", "2,01/05/2025,S,C2,N1,U1,PR1,,,,,,")
HEADER = header_csv("1,F,31/02/2015,WBRI,,,", "2,F,01/01/2015,=HYPERLINK(1),,,")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # These extracts hold only the tables the tests need: --partial says that is meant.
    if args[0] == "check":
        args = (*args, "--partial")
    return subprocess.run(
        [sys.executable, "-m", "csc_validate", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_one_run_writes_each_output_in_the_format_its_extension_names(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    book, data, table = tmp_path / "errors.xlsx", tmp_path / "f.json", tmp_path / "e.csv"
    result = run("check", str(folder), "-o", str(book), "-o", str(data), "-o", str(table))
    assert result.returncode == 1, result.stderr
    assert openpyxl.load_workbook(book).sheetnames[:3] == ["Summary", "Findings", "By child"]
    findings = json.loads(data.read_text())["findings"]
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(findings) > 0
    assert "Next:" in result.stdout


def test_unknown_extension_is_exit_2_before_checking(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    result = run("check", str(folder), "-o", str(tmp_path / "report.out"))
    assert result.returncode == 2
    assert "--format" in result.stderr and ".xlsx" in result.stderr


def test_format_overrides_the_extension(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    out = tmp_path / "report.txt"
    run("check", str(folder), "-o", str(out), "--format", "json")
    assert json.loads(out.read_text())["collection"] == "ssda903"


def test_csv_on_standard_output_has_its_bom_and_formulas_stay_text(extract) -> None:
    header = header_csv("@2,F,01/01/2015,=HYPERLINK(1),,,")
    folder = extract({"h.csv": header, "e.csv": episodes_csv("@2,01/05/2025,S,C2,N1,U1,PR1,,,,,,")})
    result = subprocess.run(
        [sys.executable, "-m", "csc_validate", "check", str(folder), "-f", "csv", "-y", "2025-26"],
        capture_output=True,
        check=False,
    )
    assert result.stdout.startswith("\ufeff".encode())
    text = result.stdout.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {row["child"] for row in rows} == {"'@2"}
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_password_from_a_file_encrypts_the_workbook(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    secret = tmp_path / "secret.txt"
    secret.write_text("correct horse\n")
    book = tmp_path / "errors.xlsx"
    result = run("check", str(folder), "-o", str(book), "--password-file", str(secret))
    assert result.returncode == 1, result.stderr
    assert book.read_bytes()[:4] == bytes.fromhex("d0cf11e0")
    office = msoffcrypto.OfficeFile(book.open("rb"))
    office.load_key(password="correct horse")
    plain = io.BytesIO()
    office.decrypt(plain)
    assert openpyxl.load_workbook(plain).sheetnames[0] == "Summary"


def test_password_from_the_environment(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    book = tmp_path / "errors.xlsx"
    run("check", str(folder), "-o", str(book), env={"CSC_VALIDATE_PASSWORD": "pw"})
    assert book.read_bytes()[:4] == bytes.fromhex("d0cf11e0")


def test_split_by_team_writes_each_team_its_own_children(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    lookup = tmp_path / "teams.csv"
    lookup.write_text("CHILD,TEAM\n1,North East\n2,South\n")
    book = tmp_path / "errors.xlsx"
    result = run("check", str(folder), "-o", str(book), "--split-by", f"{lookup}:TEAM")
    assert result.returncode == 1, result.stderr
    north = openpyxl.load_workbook(tmp_path / "errors-North-East.xlsx")
    south = openpyxl.load_workbook(tmp_path / "errors-South.xlsx")
    full = openpyxl.load_workbook(book)

    def children(book: openpyxl.Workbook, sheet: str) -> set[str]:
        return {row[0].value for row in book[sheet].iter_rows(min_row=2)}

    assert children(north, "Findings") == {"1"}
    assert children(south, "Findings") == {"2"}
    assert children(north, "Header") == {2} and children(south, "Header") == {3}  # lines
    assert children(full, "Findings") == {"1", "2"}


def test_redact_with_split_by_cuts_on_the_real_ids_then_redacts(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    lookup = tmp_path / "teams.csv"
    lookup.write_text("CHILD,TEAM\n1,North East\n2,South\n")
    book = tmp_path / "errors.xlsx"
    result = run("check", str(folder), "-o", str(book), "--split-by", f"{lookup}:TEAM", "--redact")
    assert result.returncode == 1, result.stderr
    assert "(North East: 1 child with findings)" in result.stderr
    assert "(South: 1 child with findings)" in result.stderr
    for name in ("errors-North-East.xlsx", "errors-South.xlsx"):
        team = openpyxl.load_workbook(tmp_path / name)
        findings = [row for row in team["Findings"].iter_rows(min_row=2, values_only=True)]
        assert findings, name
        # Each team's own children, renumbered within the file; no real id anywhere.
        assert {row[0] for row in findings} == {"child 1"}
        summary = {row[0]: row[1] for row in team["Summary"].iter_rows(values_only=True)}
        assert summary["Children with findings"] == 1


def test_split_by_an_unknown_column_is_exit_2(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    lookup = tmp_path / "teams.csv"
    lookup.write_text("CHILD,TEAM\n1,North\n")
    book = tmp_path / "errors.xlsx"
    result = run("check", str(folder), "-o", str(book), "--split-by", f"{lookup}:WORKER")
    assert result.returncode == 2
    assert "WORKER" in result.stderr and "Traceback" not in result.stderr


def test_the_last_line_points_to_the_workbook_and_the_top_rule(extract, tmp_path) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    book = tmp_path / "errors.xlsx"
    # Wide enough that the terminal does not wrap inside the path (tmp_path is longer under xdist).
    result = run("check", str(folder), "-o", str(book), "-q", env={"COLUMNS": "400"})
    last = " ".join(result.stdout.split("Next:")[1].split())
    assert str(book) in last and "csc-validate explain" in last
