"""`check -`: a CSV table or an XML return piped into standard input."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from tests.conftest import episodes_csv, header_csv
from tests.reports.test_ci_formats import sarif_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def piped(data: bytes, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "csc_validate", *args],
        input=data,
        capture_output=True,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def test_a_csv_table_is_read_from_standard_input(extract) -> None:
    header = header_csv("1,X,01/01/2015,WBRI,,,").encode()
    folder = extract({"e.csv": episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,")})
    result = piped(
        header, "check", "-", str(folder / "e.csv"), "--partial", "--select", "101", "-f", "json"
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["file"], f["line"]) for f in findings] == [("101", "standard input", 2)]


def test_an_xml_return_is_read_from_standard_input() -> None:
    data = (EXAMPLES / "cin" / "cin-2025-26.xml").read_bytes()
    from_file = piped(b"", "check", str(EXAMPLES / "cin" / "cin-2025-26.xml"), "-f", "json")
    from_pipe = piped(data, "check", "-", "-f", "json")
    assert from_pipe.returncode == from_file.returncode == 1, from_pipe.stderr
    lines = [(f["rule"], f["line"]) for f in json.loads(from_pipe.stdout)["findings"]]
    assert lines == [(f["rule"], f["line"]) for f in json.loads(from_file.stdout)["findings"]]


def test_ci_formats_leave_out_a_file_they_cannot_point_to() -> None:
    data = (EXAMPLES / "cin" / "cin-2025-26.xml").read_bytes()
    annotations = piped(data, "check", "-", "-f", "github").stdout.splitlines()
    assert annotations and all(" file=" not in line for line in annotations)
    log = json.loads(piped(data, "check", "-", "-f", "sarif").stdout)
    jsonschema.Draft7Validator(sarif_schema()).validate(log)


def test_empty_standard_input_and_a_second_dash_are_refused() -> None:
    empty = piped(b"", "check", "-")
    assert empty.returncode == 2 and "standard input: is empty" in empty.stderr
    twice = piped(b"x", "check", "-", "-")
    assert twice.returncode == 2 and "can be given only once" in twice.stderr
