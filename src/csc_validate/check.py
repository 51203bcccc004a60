"""The whole check: load the return, run the year's selected rules, and build the one Report."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from csc_validate import __version__, as_at, collections, engine, packs, schemas
from csc_validate.code_meanings import valid_codes
from csc_validate.errors import UsageError
from csc_validate.findings import (
    NOT_YET_DUE,
    Finding,
    InputSummary,
    Report,
    RuleCrash,
    RuleInfo,
    SkippedRule,
    code_key,
    sort_key,
    summarise,
)
from csc_validate.load import load
from csc_validate.locate import locate, locate_issues
from csc_validate.reference import ReferenceRequest, References
from csc_validate.rulekit.rule import Rule
from csc_validate.selection import resolve
from csc_validate.severity import Severity
from csc_validate.tables import Tables

NEEDS = "needs "


def check(
    paths: list[Path],
    previous: list[Path] | None = None,
    collection: str | None = None,
    year: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    per_table_ignores: dict[str, list[str]] | None = None,
    la: str | None = None,
    ofsted: list[Path] | None = None,
    partial: bool = False,
    severity: dict[str, Severity] | None = None,
    as_at_day: dt.date | None = None,
) -> Report:
    """Check one return; raises InputError or UsageError for input that cannot be used.

    `per_table_ignores` drops findings of some rules in some tables ({"Episodes": ["355"]}).
    `la` (the council's code) and `ofsted` (provider lists) are reference data some rules need.
    `partial` says that a return without some of its tables is meant to be checked as it is.
    `severity` treats some rules as more or less serious than DfE does ({"355": "query"}).
    `as_at_day` checks a year-to-date extract as at that day (see as_at.resolve).
    """
    report, _ = check_with_tables(
        paths,
        previous,
        collection,
        year,
        select,
        ignore,
        per_table_ignores,
        la,
        ofsted,
        partial,
        severity=severity,
        as_at_day=as_at_day,
    )
    return report


def check_with_tables(
    paths: list[Path],
    previous: list[Path] | None = None,
    collection: str | None = None,
    year: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    per_table_ignores: dict[str, list[str]] | None = None,
    la: str | None = None,
    ofsted: list[Path] | None = None,
    partial: bool = False,
    stage: Callable[[str, int], None] | None = None,
    severity: dict[str, Severity] | None = None,
    as_at_day: dt.date | None = None,
    narrow: Callable[[Tables, list[Rule]], list[Rule]] | None = None,
) -> tuple[Report, Tables]:
    """The Report and the Tables it was checked on, for outputs that show the rows as read.

    `stage` is told when reading ("read", 0) and checking ("check", rules) begin, for progress.
    `narrow` keeps only the selected rules a caller needs (summary: those reading the fields its
    figures use); the report's rules and rules_run then say which ran.
    """
    announce = stage or (lambda name, count: None)
    announce("read", 0)
    tables = load(paths, previous, collection, year)
    schema = schemas.load(tables.collection, tables.year)
    pack = packs.load(tables.collection, tables.year)
    rules, notes = resolve(pack, select or [], ignore or [])
    overrides = _severity_overrides(pack, severity or {})
    rules = [
        rule.model_copy(update={"severity": overrides[rule.code]})
        if rule.code in overrides
        else rule
        for rule in rules
    ]
    if narrow is not None:
        rules = narrow(tables, rules)
    request = ReferenceRequest(la=la, ofsted=tuple(ofsted or ()))
    chosen = collections.get(tables.collection)
    references = References(chosen.references(request, tables))
    checked = as_at.resolve(tables, as_at_day)
    announce("check", len(rules))
    result = engine.run(rules, tables, schema, checked.period, references)
    if chosen.reference_note is not None:
        fit = chosen.reference_note(request, tables, references)
        notes = [*notes, fit] if fit else notes
    announce("locate", len(rules))
    selected_codes = {rule.code for rule in rules}
    issues = [issue for issue in tables.issues if issue.code in selected_codes]
    findings: list[Finding] = locate(result.hits, tables, schema)
    findings += locate_issues(issues, tables, schema)
    unwanted = _table_ignores(pack, schema, per_table_ignores or {})
    findings = [f for f in findings if (f.table, f.rule) not in unwanted]
    # csc-validate's own findings come from reading, not from the rules above.
    findings = [
        f.model_copy(update={"severity": overrides[f.rule]})
        if f.rule in overrides and f.severity is not overrides[f.rule]
        else f
        for f in findings
    ]
    findings.sort(key=sort_key)
    totals = {severity.value: 0 for severity in Severity}
    for finding in findings:
        totals[finding.severity.value] += 1
    report = Report(
        version=__version__,
        collection=tables.collection,
        year=tables.year,
        period_start=checked.period.start.strftime("%d/%m/%Y"),
        period_end=checked.period.end.strftime("%d/%m/%Y"),
        as_at=f"{checked.period.as_at:%d/%m/%Y}" if checked.period.as_at else "",
        as_at_source=checked.source if checked.period.as_at else "",
        year_source=tables.metadata.get("year_source", ""),
        inputs=tuple(
            InputSummary(file=i.file, sha256=i.sha256, tables=i.tables, previous=i.previous)
            for i in tables.inputs
        ),
        table_rows={name: tables.typed(name).height for name in sorted(tables.tables)},
        selected=tuple(select or ()),
        ignored=tuple(ignore or ())
        + tuple(f"{table}:{code}" for table, code in sorted(unwanted, key=str)),
        rules_run=sum(1 for rule in rules if rule.check is not None)
        - len(result.skipped)
        - len(result.crashes),
        totals=totals,
        summary=tuple(summarise(findings)),
        findings=tuple(findings),
        skipped=tuple(sorted(result.skipped, key=lambda s: code_key(s.rule))),
        crashes=tuple(result.crashes)
        + tuple(
            RuleCrash(rule=item.name, table="", error=f"local rule not loaded: {item.error}")
            for item in pack.broken
        ),
        notes=tuple(notes)
        + tables.notes
        + checked.notes
        + _not_run(result.skipped)
        + _not_yet_due(result.skipped),
        missing_tables=tables.missing,
        partial=partial,
        rules=tuple(
            RuleInfo(
                rule=rule.code,
                severity=rule.severity,
                message=rule.message,
                summary=rule.summary,
                explanation=rule.explanation,
                provisional=rule.provisional,
                codes=valid_codes(rule, schema),
            )
            for rule in rules
        ),
    )
    return report, tables


def _not_run(skipped: list[SkippedRule]) -> tuple[str, ...]:
    """One line per missing piece of reference data: "not run: 20 rules need --la (164, ...)"."""
    by_need: dict[str, list[str]] = {}
    for item in skipped:
        if item.reason.startswith(NEEDS):
            by_need.setdefault(item.reason.removeprefix(NEEDS), []).append(item.rule)
    return tuple(
        f"not run: {len(codes)} rule{'s' if len(codes) != 1 else ''} "
        f"need{'s' if len(codes) == 1 else ''} {need} ({', '.join(sorted(codes, key=code_key))})"
        for need, codes in sorted(by_need.items())
    )


def _not_yet_due(skipped: list[SkippedRule]) -> tuple[str, ...]:
    """One line for the rules that judge the year at its end, left out of a year-to-date check."""
    codes = [item.rule for item in skipped if item.reason.startswith(NOT_YET_DUE)]
    if not codes:
        return ()
    reason = next(item.reason for item in skipped if item.reason.startswith(NOT_YET_DUE))
    return (
        f"{reason}: {len(codes)} "
        + ("rule that judges" if len(codes) == 1 else "rules that judge")
        + f" the year at its end, run when it has ended ({', '.join(sorted(codes, key=code_key))})",
    )


def _severity_overrides(pack: packs.Pack, wanted: dict[str, Severity]) -> dict[str, Severity]:
    """Codes (resolved like --select's, so aliases work) to the severity the user wants."""
    overrides: dict[str, Severity] = {}
    for reference, level in wanted.items():
        rules, _ = resolve(pack, [reference], [])
        if len(rules) != 1:
            raise UsageError(f"severity: {reference!r} is not one rule code; name rules one by one")
        overrides[rules[0].code] = Severity(level)
    return overrides


def _table_ignores(
    pack: packs.Pack, schema: schemas.YearSchema, per_table: dict[str, list[str]]
) -> set[tuple[str, str]]:
    """(table, code) pairs to drop; tables must exist and codes are checked like --ignore's."""
    pairs: set[tuple[str, str]] = set()
    for table, references in per_table.items():
        if table.removesuffix("_last") not in schema.tables:
            known = ", ".join(schema.tables)
            raise UsageError(f"per-table-ignores: no table {table!r} in {schema.year} ({known})")
        if not references:
            continue
        rules, _ = resolve(pack, references, [])
        pairs |= {(table, rule.code) for rule in rules}
    return pairs
