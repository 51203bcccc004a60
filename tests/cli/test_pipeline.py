"""A CI pipeline as a data engineer sets it up: settings file, baseline, then one new mistake."""

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from tests.cli.test_cli import run
from tests.reports.test_ci_formats import sarif_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _ssda903(folder: Path) -> tuple[str, str]:
    shutil.copytree(EXAMPLES / "ssda903" / "2025-26", folder / "extract")
    return "extract/", "extract/header.csv"


def _cin(folder: Path) -> tuple[str, str]:
    (folder / "extract").mkdir()
    shutil.copy(EXAMPLES / "cin" / "cin-2025-26.xml", folder / "extract" / "return.xml")
    return "extract/return.xml", "extract/return.xml"


def _break_ssda903(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[4].split(",")
    cells[1] = "Q"  # SEX: not a DfE code
    lines[4] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")


def _break_cin(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<Ethnicity>AIND</Ethnicity>", "<Ethnicity>XXXX</Ethnicity>"))


CASES = {"ssda903": (_ssda903, _break_ssda903), "cin": (_cin, _break_cin)}

SETTINGS = """\
inputs = ["{inputs}"]
baseline = "baseline.json"
fail-on = "error"

[[outputs]]
format = "github"
path = "out/annotations.txt"

[[outputs]]
format = "junit"
path = "out/junit.xml"

[[outputs]]
format = "sarif"
path = "out/results.sarif"
"""


@pytest.mark.parametrize("collection", list(CASES))
def test_a_pipeline_fails_on_exactly_the_one_new_mistake(tmp_path: Path, collection: str) -> None:
    copy, mistake = CASES[collection]
    inputs, broken = copy(tmp_path)
    (tmp_path / "csc-validate.toml").write_text(SETTINGS.format(inputs=inputs))

    first = run("check", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert json.loads((tmp_path / "baseline.json").read_text())["findings"]

    mistake(tmp_path / broken)
    second = run("check", cwd=tmp_path)
    assert second.returncode == 1, second.stdout + second.stderr
    out = tmp_path / "out"

    annotations = (out / "annotations.txt").read_text().splitlines()
    assert len(annotations) == 1
    assert annotations[0].startswith(f"::error file={broken},line=")

    suite = next(iter(JUnitXml.fromfile(str(out / "junit.xml"))))
    failures = [
        (case.name, result.text)
        for case in suite
        for result in case.result
        if isinstance(result, Failure)
    ]
    assert len(failures) == 1 and len(failures[0][1].splitlines()) == 1
    assert failures[0][1].startswith(f"{broken}:")

    log = json.loads((out / "results.sarif").read_text())
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 1
    assert results[0]["ruleId"] == failures[0][0].split(":")[0]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == broken
