"""Checking one return: run the year's selected rules over its tables, and build the one Report."""

from collections.abc import Callable, Mapping

from csc_validate import __version__, as_at, collections, engine, packs, schemas
from csc_validate.code_meanings import valid_codes
from csc_validate.errors import UsageError
from csc_validate.findings import (
    NEEDS,
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
from csc_validate.locate import locate, locate_issues
from csc_validate.pipeline.load import tables_for
from csc_validate.pipeline.request import Request
from csc_validate.reference import ReferenceRequest, References
from csc_validate.selection import resolve
from csc_validate.severity import Severity
from csc_validate.tables import Tables

# Told when reading ("read", 0) and checking ("check", rules) begin, for progress.
Stage = Callable[[str, int], None]


def run(request: Request, stage: Stage | None = None) -> tuple[Report, Tables]:
    """Read the return the request names and check it: the Report, and the Tables it was
    checked on, for outputs that show the rows as read. Raises InputError or UsageError for
    input that cannot be used."""
    announce = stage or (lambda name, count: None)
    announce("read", 0)
    tables = tables_for(request)
    return check(request, tables, announce), tables


def check(request: Request, tables: Tables, stage: Stage | None = None) -> Report:
    """The Report of the year's selected rules over tables already read."""
    announce = stage or (lambda name, count: None)
    schema = schemas.load(tables.collection, tables.year)
    pack = packs.load(tables.collection, tables.year)
    rules, notes = resolve(pack, list(request.select), list(request.ignore))
    overrides = _severity_overrides(pack, dict(request.severity))
    rules = [
        rule.model_copy(update={"severity": overrides[rule.code]})
        if rule.code in overrides
        else rule
        for rule in rules
    ]
    if request.narrow is not None:
        rules = request.narrow(tables, rules)
    needs = ReferenceRequest(la=request.la, ofsted=request.ofsted)
    chosen = collections.get(tables.collection)
    references = References(chosen.references(needs, tables))
    checked = as_at.resolve(tables, request.as_at)
    announce("check", len(rules))
    result = engine.run(rules, tables, schema, checked.period, references)
    if chosen.reference_note is not None:
        fit = chosen.reference_note(needs, tables, references)
        notes = [*notes, fit] if fit else notes
    announce("locate", len(rules))
    selected_codes = {rule.code for rule in rules}
    issues = [issue for issue in tables.issues if issue.code in selected_codes]
    findings: list[Finding] = locate(result.hits, tables, schema)
    findings += locate_issues(issues, tables, schema)
    unwanted = _table_ignores(pack, schema, request.per_table_ignores)
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
        selected=request.select,
        ignored=request.ignore
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
        partial=request.partial,
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
    return report


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
    pack: packs.Pack, schema: schemas.YearSchema, per_table: Mapping[str, tuple[str, ...]]
) -> set[tuple[str, str]]:
    """(table, code) pairs to drop; tables must exist and codes are checked like --ignore's."""
    pairs: set[tuple[str, str]] = set()
    for table, references in per_table.items():
        if table.removesuffix("_last") not in schema.tables:
            known = ", ".join(schema.tables)
            raise UsageError(f"per-table-ignores: no table {table!r} in {schema.year} ({known})")
        if not references:
            continue
        rules, _ = resolve(pack, list(references), [])
        pairs |= {(table, rule.code) for rule in rules}
    return pairs
