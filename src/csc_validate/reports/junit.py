"""JUnit XML: one test case per rule run; a rule with findings fails and lists them."""

import xml.etree.ElementTree as ET
from pathlib import Path

from csc_validate.findings import Finding, Report
from csc_validate.reports.ci_text import where
from csc_validate.reports.output import emit


def render(report: Report) -> str:
    by_rule: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    skipped = {item.rule: item.reason for item in report.skipped}
    crashed = {crash.rule: crash.error for crash in report.crashes}
    messages = {info.rule: info.message for info in report.rules}
    messages.update({s.rule: s.message for s in report.summary if s.rule not in messages})
    codes = list(messages) + [code for code in crashed if code not in messages]
    suite_name = f"csc-validate {report.collection} {report.year}" + (
        f" as at {report.as_at}" if report.as_at else ""
    )
    suite = ET.Element(
        "testsuite",
        name=suite_name,
        tests=str(len(codes)),
        failures=str(sum(1 for code in codes if code in by_rule and code not in crashed)),
        errors=str(len(crashed)),
        skipped=str(sum(1 for code in codes if code in skipped)),
    )
    for code in codes:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"csc-validate.{report.collection}.{report.year}",
            name=f"{code}: {messages.get(code, '')}".rstrip(": "),
        )
        if code in crashed:
            ET.SubElement(
                case, "error", message=crashed[code], type="RuleCrash"
            ).text = f"Rule {code} failed, so its findings are missing: {crashed[code]}"
        elif code in by_rule:
            findings = by_rule[code]
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(findings)} {'finding' if len(findings) == 1 else 'findings'}: "
                f"{findings[0].message}",
                type=findings[0].severity.value,
            )
            failure.text = "\n".join(_line(finding) for finding in findings)
        elif code in skipped:
            ET.SubElement(case, "skipped", message=skipped[code])
    root = ET.Element("testsuites", name="csc-validate")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def write(report: Report, destination: Path | None, options: object = None) -> None:
    emit(render(report), destination)


def _line(finding: Finding) -> str:
    place = finding.file or finding.table
    if finding.line is not None:
        place += f":{finding.line}"
    return f"{place}: {where(finding)}"
