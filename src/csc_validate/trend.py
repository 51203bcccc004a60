"""The month-by-month picture from the JSON reports `check` wrote: counts per rule, table and
team across runs, what was fixed and what is new between runs, and what has been open longest.

Findings are matched between runs as `diff` matches them (rule, table, child, fields and the
values flagged), never by row number, which moves between extracts.
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from csc_validate.diff import FindingKey, key, read_report
from csc_validate.errors import UsageError
from csc_validate.findings import Finding, Report, code_key

NO_TEAM = "(no team)"


@dataclass(frozen=True)
class Run:
    """One report, named by its file (runs are in the order given, a folder's by file name)."""

    name: str
    report: Report


@dataclass(frozen=True)
class Count:
    """A measure for one run and one rule, table and team: findings, new or fixed."""

    run: str
    measure: str
    rule: str
    table: str
    team: str
    severity: str
    count: int


@dataclass(frozen=True)
class OpenFinding:
    """A finding of the last run, with the run it has been open since (without a break)."""

    finding: Finding
    team: str
    since: str
    runs: int


@dataclass(frozen=True)
class Trend:
    runs: tuple[str, ...]
    counts: tuple[Count, ...]
    totals: tuple[dict[str, int], ...]  # per run: errors and queries
    changes: tuple[tuple[int, int, int], ...]  # per run after the first: fixed, new, still open
    longest_open: tuple[OpenFinding, ...]
    teams_known: bool


def reports(paths: list[Path]) -> list[Run]:
    """Each JSON report named, and those in each folder named (sorted by file name)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".json")
            if not found:
                raise UsageError(f"{path}: holds no .json report")
            files += found
        else:
            files.append(path)
    if len(files) < 1:
        raise UsageError("name the JSON reports (or a folder of them) that check wrote")
    runs = [Run(file.stem, read_report(file)) for file in files]
    collections = {run.report.collection for run in runs}
    if len(collections) > 1:
        raise UsageError(
            f"the reports are of several collections ({', '.join(sorted(collections))})"
        )
    names = [run.name for run in runs]
    if len(set(names)) != len(names):
        # Two folders may hold files of one name: the path tells them apart.
        runs = [Run(file.as_posix(), run.report) for file, run in zip(files, runs, strict=True)]
    return runs


def build(runs: list[Run], teams: dict[str, str] | None, longest: int = 20) -> Trend:
    """Counts per run, changes between consecutive runs, and the last run's oldest findings.

    `teams` maps a child's id to its team; without it every finding is in no team.
    """
    team_of = (lambda f: teams.get(f.child or "", NO_TEAM)) if teams else (lambda f: NO_TEAM)
    counts: list[Count] = []
    totals: list[dict[str, int]] = []
    changes: list[tuple[int, int, int]] = []
    previous: Counter[FindingKey] | None = None
    previous_findings: tuple[Finding, ...] = ()
    for run in runs:
        findings = run.report.findings
        counts += _grouped(run.name, "findings", findings, team_of)
        totals.append(
            {
                "error": sum(1 for f in findings if f.severity.value == "error"),
                "query": sum(1 for f in findings if f.severity.value == "query"),
            }
        )
        # A finding accepted with a reason is still there: neither fixed nor new.
        current = Counter(key(f) for f in (*findings, *(a.finding for a in run.report.accepted)))
        if previous is not None:
            new = _beyond(findings, previous)
            fixed = _beyond(previous_findings, current)
            counts += _grouped(run.name, "new", new, team_of)
            counts += _grouped(run.name, "fixed", fixed, team_of)
            changes.append((len(fixed), len(new), len(findings) - len(new)))
        previous, previous_findings = current, findings
    return Trend(
        runs=tuple(run.name for run in runs),
        counts=tuple(counts),
        totals=tuple(totals),
        changes=tuple(changes),
        longest_open=tuple(_longest_open(runs, team_of)[:longest]),
        teams_known=bool(teams),
    )


def _beyond(findings: tuple[Finding, ...], other: Counter[FindingKey]) -> list[Finding]:
    """The findings that `other` does not hold (each of its entries excuses one)."""
    remaining = Counter(other)
    left = []
    for finding in findings:
        if remaining[key(finding)] > 0:
            remaining[key(finding)] -= 1
        else:
            left.append(finding)
    return left


def _grouped(run: str, measure: str, findings, team_of) -> list[Count]:
    groups: Counter[tuple[str, str, str, str]] = Counter(
        (f.rule, f.table, team_of(f), f.severity.value) for f in findings
    )
    return [
        Count(run, measure, rule, table, team, severity, count)
        for (rule, table, team, severity), count in sorted(
            groups.items(), key=lambda item: (code_key(item[0][0]), item[0][1:])
        )
    ]


def _longest_open(runs: list[Run], team_of) -> list[OpenFinding]:
    """The last run's findings by how many runs in a row they have been open, oldest first."""
    counters = [Counter(key(f) for f in run.report.findings) for run in runs]
    last = runs[-1].report.findings
    seen: Counter[FindingKey] = Counter()
    found = []
    for finding in last:
        identity = key(finding)
        seen[identity] += 1
        # The n-th copy of a finding is open in a run that holds at least n copies.
        start = len(runs) - 1
        while start > 0 and counters[start - 1][identity] >= seen[identity]:
            start -= 1
        found.append(OpenFinding(finding, team_of(finding), runs[start].name, len(runs) - start))
    return sorted(
        found,
        key=lambda item: (-item.runs, item.finding.table, item.finding.row or 0, item.finding.rule),
    )
