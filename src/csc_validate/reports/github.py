"""GitHub Actions: one workflow-command annotation per finding, on the file and line it names."""

from pathlib import Path

from csc_validate.findings import Finding, Report
from csc_validate.readers import standard_input
from csc_validate.reports.ci_text import describe
from csc_validate.reports.output import emit
from csc_validate.severity import Severity

# An error blocks the return; a query only asks for a look, as a warning does in a pull request.
COMMANDS = {Severity.ERROR: "error", Severity.QUERY: "warning"}


def render(report: Report) -> str:
    lines = [_annotation(finding) for finding in report.findings]
    lines += [
        f"::error title={_property(f'csc-validate {crash.rule}')}::"
        + _data(f"Rule {crash.rule} failed, so the check is incomplete: {crash.error}")
        for crash in report.crashes
    ]
    return "".join(line + "\n" for line in lines)


def write(report: Report, destination: Path | None, options: object = None) -> None:
    emit(render(report), destination)


def _annotation(finding: Finding) -> str:
    properties = []
    # Standard input has no file in the repository to annotate.
    if finding.file and finding.file != standard_input.DISPLAY:
        properties.append(f"file={_property(finding.file)}")
        if finding.line is not None:
            properties.append(f"line={finding.line}")
    properties.append(f"title={_property(f'csc-validate {finding.rule}')}")
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{_data(describe(finding))}"


def _data(text: str) -> str:
    """A command's message may not hold a line break; GitHub decodes these escapes."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Property values also escape the separators of the property list."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
