"""Between two re-extracts: which findings were fixed, which are new and which are still open."""

from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from csc_validate.errors import InputError, UsageError
from csc_validate.findings import Finding, Report, sort_key

FindingKey = tuple[str, str, str | None, tuple[str, ...], tuple[tuple[str, str | None], ...]]


class ReportDiff(BaseModel):
    """Findings of the old report that are gone, of the new one that are new, and of both."""

    model_config = ConfigDict(frozen=True)

    collection: str
    old_year: str
    new_year: str
    fixed: tuple[Finding, ...]
    new: tuple[Finding, ...]
    still_open: tuple[Finding, ...]


def key(finding: Finding) -> FindingKey:
    """Rule, table, child and the offending values: row numbers move between extracts."""
    return (
        finding.rule,
        finding.table,
        finding.child,
        finding.fields,
        tuple(sorted(finding.values.items())),
    )


def compare(old: Report, new: Report) -> ReportDiff:
    if old.collection != new.collection:
        raise UsageError(f"cannot compare a {old.collection} report with a {new.collection} report")
    remaining = Counter(key(finding) for finding in old.findings)
    new_findings: list[Finding] = []
    still_open: list[Finding] = []
    for finding in new.findings:
        if remaining[key(finding)] > 0:
            remaining[key(finding)] -= 1
            still_open.append(finding)
        else:
            new_findings.append(finding)
    fixed: list[Finding] = []
    for finding in old.findings:
        if remaining[key(finding)] > 0:
            remaining[key(finding)] -= 1
            fixed.append(finding)
    return ReportDiff(
        collection=new.collection,
        old_year=old.year,
        new_year=new.year,
        fixed=tuple(sorted(fixed, key=sort_key)),
        new=tuple(sorted(new_findings, key=sort_key)),
        still_open=tuple(sorted(still_open, key=sort_key)),
    )


def read_report(path: Path) -> Report:
    """A report written by `check --output FILE.json`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "does not exist", expected="a report from check") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read ({error})") from None
    try:
        return Report.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise InputError(
            str(path),
            f"is not a csc-validate JSON report ({where}: {first['msg']})",
            expected="the file written by check --output FILE.json",
        ) from None
