"""Reasons kept with accepted findings: recorded once, matched across re-extracts.

A council records why a finding is true of the child (rule, child, key values, reason, who,
date) in `accepted.csv` or in `[[accepted]]` tables of the settings. Findings are matched the
way a baseline matches them (rule, table, child and the row's identifying values, never the row
number), so a reason survives rows moving between extracts. Accepted findings are shown apart
with their reasons and do not fail --fail-on; a reason whose finding has gone is listed as stale.
"""

import csv
from pathlib import Path

from pydantic import ValidationError

from csc_validate.errors import InputError
from csc_validate.findings import Acceptance, AcceptedFinding, Finding, Report, summarise
from csc_validate.severity import Severity

COLUMNS = ("rule", "child", "table", "key", "reason", "who", "date")
REQUIRED = ("rule", "reason")


def read(path: Path) -> tuple[Acceptance, ...]:
    """The acceptances in a CSV file with the columns rule, child, table, key, reason, who and
    date (table, key, who and date may be left out); `key` is `DECOM=01/05/2025`, several
    separated by `;`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(
            str(path), "does not exist", expected="a CSV of accepted findings"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read ({error})", expected="UTF-8 CSV") from None
    rows = csv.reader(text.splitlines())
    header = [name.strip().lower() for name in next(rows, [])]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        problem = f"lacks the column(s) {', '.join(missing)}" if missing else ""
        problem += "; " if missing and unknown else ""
        problem += f"has unknown column(s) {', '.join(unknown)}" if unknown else ""
        raise InputError(str(path), problem, line=1, expected=f"the columns {', '.join(COLUMNS)}")
    acceptances = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: value.strip() for name, value in zip(header, row, strict=False)}
        for name in REQUIRED:
            if not cells.get(name):
                raise InputError(str(path), "is blank", line=line, field=name)
        try:
            key = _key(cells.get("key", ""))
            acceptances.append(
                Acceptance(
                    rule=cells["rule"],
                    child=cells.get("child") or None,
                    table=cells.get("table") or None,
                    key=key,
                    reason=cells["reason"],
                    who=cells.get("who", ""),
                    date=cells.get("date", ""),
                )
            )
        except (ValueError, ValidationError) as error:
            raise InputError(
                str(path), str(error), line=line, field="key", value=cells.get("key", "")
            ) from None
    return tuple(acceptances)


def _key(text: str) -> dict[str, str]:
    key = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        name, equals, value = part.partition("=")
        if not equals or not name.strip():
            raise ValueError("is not FIELD=VALUE (several separated by ;)")
        key[name.strip().upper()] = value.strip()
    return key


def matches(acceptance: Acceptance, finding: Finding) -> bool:
    """Same rule, and the child, table and key values the acceptance names (each as written,
    less surrounding spaces)."""
    if acceptance.rule.upper() != finding.rule.upper():
        return False
    if acceptance.child is not None and acceptance.child.strip() != (finding.child or ""):
        return False
    if acceptance.table is not None and acceptance.table != finding.table:
        return False
    for field, wanted in acceptance.key.items():
        written = finding.key.get(field, finding.values.get(field))
        if _clean(written) != _clean(wanted):
            return False
    return True


def _clean(value: str | None) -> str | None:
    return None if value is None else value.strip() or None


def apply(report: Report, acceptances: tuple[Acceptance, ...], source: str) -> Report:
    """The report with accepted findings moved apart, with their reasons, out of the counts
    that decide the exit code; acceptances that match no finding are listed as stale."""
    if not acceptances:
        return report
    used = [False] * len(acceptances)
    kept: list[Finding] = []
    accepted: list[AcceptedFinding] = []
    for finding in report.findings:
        index = next((i for i, a in enumerate(acceptances) if matches(a, finding)), None)
        if index is None:
            kept.append(finding)
            continue
        used[index] = True
        chosen = acceptances[index]
        accepted.append(
            AcceptedFinding(finding=finding, reason=chosen.reason, who=chosen.who, date=chosen.date)
        )
    stale = tuple(a for a, hit in zip(acceptances, used, strict=True) if not hit)
    note = f"accepted ({source}): {len(accepted)} findings have a recorded reason, shown apart"
    if stale:
        note += f"; {len(stale)} recorded reasons match no finding any more (listed as stale)"
    totals = {severity.value: 0 for severity in Severity}
    for finding in kept:
        totals[finding.severity.value] += 1
    return report.model_copy(
        update={
            "findings": tuple(kept),
            "summary": tuple(summarise(kept)),
            "totals": totals,
            "accepted": tuple(accepted),
            "stale_acceptances": stale,
            "notes": (*report.notes, note),
        }
    )
