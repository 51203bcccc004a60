"""SARIF 2.1.0: the format code-scanning services read (rules, results, locations)."""

import hashlib
import json
from pathlib import Path

from csc_validate.findings import Finding, Report
from csc_validate.readers import standard_input
from csc_validate.reports.ci_text import where
from csc_validate.reports.output import emit
from csc_validate.severity import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.QUERY: "warning"}


def render(report: Report) -> str:
    rules = [_descriptor(i.rule, i.message, i.severity, i.guidance) for i in report.rules]
    described = {info.rule for info in report.rules}
    # A report built without its rule list still describes every rule it has findings for.
    for summary in report.summary:
        if summary.rule not in described:
            described.add(summary.rule)
            rules.append(_descriptor(summary.rule, summary.message, summary.severity, ""))
    codes = [rule["id"] for rule in rules]
    index = {code: position for position, code in enumerate(codes)}
    run = {
        "tool": {
            "driver": {
                "name": "csc-validate",
                "version": report.version,
                "semanticVersion": report.version,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.crashes,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"Rule {crash.rule} failed: {crash.error}"},
                        "associatedRule": {"id": crash.rule},
                    }
                    for crash in report.crashes
                ],
            }
        ],
        "artifacts": [
            {"location": {"uri": item.file}}
            for item in report.inputs
            if item.file != standard_input.DISPLAY
        ],
        "results": [_result(finding, index.get(finding.rule)) for finding in report.findings],
        "properties": {"collection": report.collection, "year": report.year}
        | ({"as_at": report.as_at} if report.as_at else {}),
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def write(report: Report, destination: Path | None, options: object = None) -> None:
    emit(render(report), destination)


def _result(finding: Finding, rule_index: int | None) -> dict:
    result: dict = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} ({where(finding)})"},
        "partialFingerprints": {"cscValidateFinding/v1": _fingerprint(finding)},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    location: dict = {}
    if finding.file and finding.file != standard_input.DISPLAY:
        physical: dict = {"artifactLocation": {"uri": finding.file}}
        if finding.line is not None:
            physical["region"] = {"startLine": finding.line}
        location["physicalLocation"] = physical
    logical = {"name": finding.table, "kind": "table"}
    if finding.xpath:
        logical = {"name": finding.table, "fullyQualifiedName": finding.xpath, "kind": "element"}
    location["logicalLocations"] = [logical]
    result["locations"] = [location]
    properties = {"table": finding.table, "child": finding.child, "values": finding.values}
    if finding.row is not None:
        properties["row"] = finding.row
    result["properties"] = properties
    return result


def _fingerprint(finding: Finding) -> str:
    """Stable across runs whatever the row number, as a baseline matches (rule, child, key)."""
    identity = [
        finding.rule,
        finding.table,
        finding.child,
        sorted(finding.key.items()),
        finding.fields,
    ]
    return hashlib.sha256(json.dumps(identity, default=str).encode("utf-8")).hexdigest()[:32]


def _descriptor(code: str, message: str, severity: Severity, guidance: str) -> dict:
    descriptor: dict = {
        "id": code,
        "shortDescription": {"text": message},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }
    if guidance:
        descriptor["fullDescription"] = {"text": guidance}
        descriptor["help"] = {"text": guidance}
    return descriptor
