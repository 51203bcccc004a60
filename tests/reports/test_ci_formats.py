"""The CI formats, each checked against its format's own rules, on both collections' examples."""

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped

from csc_validate.check import check
from csc_validate.findings import Report, RuleCrash
from csc_validate.reports import github, junit, sarif

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "ssda903": [Path("examples/ssda903/2025-26")],
    "cin": [Path("examples/cin/cin-2025-26.xml")],
}


@pytest.fixture(scope="module", params=list(EXAMPLES))
def report(request: pytest.FixtureRequest) -> Report:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return check(EXAMPLES[request.param])
    finally:
        os.chdir(cwd)


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as SchemaStore distributes it (fixtures/README.md)."""
    path = Path(__file__).with_name("fixtures") / "sarif-schema-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_2_1_0_schema(report: Report) -> None:
    log = json.loads(sarif.render(report))
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.findings) > 0
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_sarif_fingerprints_ignore_the_row_number(report: Report) -> None:
    finding = report.findings[0]
    moved = finding.model_copy(update={"row": finding.row + 7, "line": finding.line + 7})
    moved_report = report.model_copy(update={"findings": (moved,)})
    first = json.loads(sarif.render(report))["runs"][0]["results"][0]
    again = json.loads(sarif.render(moved_report))["runs"][0]["results"][0]
    assert first["partialFingerprints"] == again["partialFingerprints"]


def test_sarif_says_a_crashed_rule_made_the_run_incomplete(report: Report) -> None:
    crashed = report.model_copy(
        update={"crashes": (RuleCrash(rule="X1", table="Header", error="boom"),)}
    )
    log = json.loads(sarif.render(crashed))
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


# ::error file=NAME,line=N,title=TEXT::MESSAGE, with GitHub's escapes and no raw line break.
ANNOTATION = re.compile(r"^::(error|warning) file=[^,:]+,line=\d+,title=[^,:]+::[^\r\n]+$")


def test_github_gives_one_annotation_per_finding_with_file_and_line(report: Report) -> None:
    lines = github.render(report).splitlines()
    assert len(lines) == len(report.findings)
    for line, finding in zip(lines, report.findings, strict=True):
        assert ANNOTATION.match(line), line
        assert f"file={finding.file},line={finding.line}," in line
        assert f"title=csc-validate {finding.rule}::" in line


def test_github_escapes_what_would_break_a_workflow_command(report: Report) -> None:
    finding = report.findings[0].model_copy(
        update={"file": "a,b:c.csv", "detail": "50%\nnext line"}
    )
    line = github.render(report.model_copy(update={"findings": (finding,)}))
    assert line.count("\n") == 1
    assert "file=a%2Cb%3Ac.csv" in line and "50%25%0Anext line" in line


def test_junit_has_one_case_per_rule_and_lists_findings_in_failures(
    report: Report, tmp_path: Path
) -> None:
    path = tmp_path / "junit.xml"
    junit.write(report, path)
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert len(suites) == 1
    cases = list(suites[0])
    assert len(cases) == len(report.rules)
    failed = {}
    for case in cases:
        results = case.result
        failures = [r for r in results if isinstance(r, Failure)]
        assert not [r for r in results if isinstance(r, Error)]
        if failures:
            failed[case.name.split(":")[0]] = failures[0].text.splitlines()
        elif not [r for r in results if isinstance(r, Skipped)]:
            assert case.is_passed
    by_rule: dict[str, int] = {}
    for finding in report.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    assert {code: len(lines) for code, lines in failed.items()} == by_rule
    assert suites[0].failures == len(by_rule)
    assert suites[0].tests == len(report.rules)
