"""A baseline: the findings a team has accepted for now, so that CI fails only on new ones.

Findings are matched by rule, table, child, the row's identifying values (DECOM for an episode)
and fields, never by row number: a row added above an old finding must not make it new.
"""

import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from csc_validate import atomic
from csc_validate.errors import UsageError
from csc_validate.findings import Finding, Report, summarise
from csc_validate.severity import Severity

FORMAT_VERSION = 1


class Entry(BaseModel):
    """One accepted finding, by what identifies it; the message and values are for people."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    table: str
    child: str | None
    key: dict[str, str | None]
    fields: tuple[str, ...]
    message: str = ""

    def identity(self) -> tuple:
        return (self.rule, self.table, self.child, tuple(sorted(self.key.items())), self.fields)


class Baseline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tool: str = "csc-validate"
    baseline_format: int = FORMAT_VERSION
    collection: str
    year: str
    findings: tuple[Entry, ...]


def entry(finding: Finding) -> Entry:
    return Entry(
        rule=finding.rule,
        table=finding.table,
        child=finding.child,
        key={name: _clean(value) for name, value in finding.key.items()},
        fields=finding.fields,
        message=finding.message,
    )


def write(report: Report, path: Path) -> None:
    """Record the report's findings; sorted, so that the same findings write the same file."""
    entries = sorted((entry(f) for f in report.findings), key=lambda e: repr(e.identity()))
    baseline = Baseline(collection=report.collection, year=report.year, findings=tuple(entries))
    atomic.write_text(path, baseline.model_dump_json(indent=2) + "\n")


def load(path: Path) -> Baseline:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"--baseline {path}: no such file (write one with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"--baseline {path}: cannot be read as JSON ({error})") from None
    try:
        return Baseline.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise UsageError(f"--baseline {path}: {where}: {first['msg']}") from None


def apply(report: Report, baseline: Baseline, name: str) -> Report:
    """The report with only the findings that the baseline does not already hold.

    Each baseline entry excuses one finding, so a third identical finding where the baseline
    holds two is new.
    """
    if baseline.collection != report.collection:
        raise UsageError(
            f"--baseline {name}: recorded for {baseline.collection}, but this return is "
            f"{report.collection}"
        )
    accepted = Counter(item.identity() for item in baseline.findings)
    new: list[Finding] = []
    for finding in report.findings:
        identity = entry(finding).identity()
        if accepted[identity] > 0:
            accepted[identity] -= 1
        else:
            new.append(finding)
    known = len(report.findings) - len(new)
    fixed = sum(accepted.values())
    note = f"baseline {name}: {known} known findings not shown, {len(new)} new"
    if fixed:
        note += f"; {fixed} of its findings are gone (write a new baseline to drop them)"
    notes = [note]
    if baseline.year != report.year:
        notes.append(f"baseline {name} was recorded for {baseline.year}; this is {report.year}")
    totals = {severity.value: 0 for severity in Severity}
    for finding in new:
        totals[finding.severity.value] += 1
    return report.model_copy(
        update={
            "findings": tuple(new),
            "summary": tuple(summarise(new)),
            "totals": totals,
            "notes": report.notes + tuple(notes),
        }
    )


def _clean(value: str | None) -> str | None:
    """Identifying values compare as written, less surrounding spaces an export may add."""
    if value is None:
        return None
    return value.strip() or None
