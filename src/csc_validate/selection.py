"""Resolves --select and --ignore references (code, table, tag:name, alias) against a pack."""

import difflib

from csc_validate import packs
from csc_validate.errors import UsageError
from csc_validate.findings import code_key
from csc_validate.packs import Pack
from csc_validate.rulekit.rule import Rule


def resolve(pack: Pack, select: list[str], ignore: list[str]) -> tuple[list[Rule], list[str]]:
    """The rules to run, in code order, and notes (e.g. an old code that was renumbered).

    No prefix matching: "1" never means every code starting with 1. An unknown or retired
    reference stops the run (exit 2) with a suggestion.
    """
    notes: list[str] = []
    chosen = set(pack.rules) if not select else _codes(pack, select, notes)
    chosen -= _codes(pack, _ignorable(pack, ignore, notes), notes)
    return [pack.rules[code] for code in sorted(chosen, key=code_key)], notes


def _codes(pack: Pack, references: list[str], notes: list[str]) -> set[str]:
    codes: set[str] = set()
    for reference in _split(references):
        codes |= _resolve_one(pack, reference, notes)
    return codes


def _ignorable(pack: Pack, references: list[str], notes: list[str]) -> list[str]:
    """Ignoring a DfE code this year's pack does not run (retired, not yet in force, or not
    implemented) cannot hide a finding: say so, rather than break a team's standing ignore list."""
    kept = []
    for reference in _split(references):
        if reference.upper() in (code.upper() for code in pack.rules):
            kept.append(reference)
            continue
        why = _not_run_here(pack, reference)
        if why is None:
            kept.append(reference)
        else:
            notes.append(f"--ignore {reference}: {why}; ignoring it changes nothing")
    return kept


def _not_run_here(pack: Pack, reference: str) -> str | None:
    if reference in pack.not_implemented:
        return f"csc-validate does not check {reference} ({pack.not_implemented[reference]})"
    retired = packs.retired_in(pack.collection, reference)
    if retired is not None:
        return f"rule {reference} is not in the {pack.year} pack: retired in {retired}"
    other_years = packs.years_in_force(pack.collection, reference)
    if other_years:
        return f"rule {reference} is in force in {', '.join(other_years)}, not {pack.year}"
    return None


def _split(references: list[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists: --select 101,102 --select 103."""
    return [part.strip() for item in references for part in item.split(",") if part.strip()]


def _resolve_one(pack: Pack, reference: str, notes: list[str]) -> set[str]:
    by_upper = {code.upper(): code for code in pack.rules}
    if reference.upper() in by_upper:
        return {by_upper[reference.upper()]}
    tables = {table for rule in pack.rules.values() for table in rule.tables}
    table_match = {table for table in tables if table.lower() == reference.lower()}
    if table_match:
        return {code for code, rule in pack.rules.items() if table_match & set(rule.tables)}
    if reference.lower().startswith("tag:"):
        tag = reference[4:].lower()
        tagged = {code for code, rule in pack.rules.items() if tag in rule.tags}
        if tagged:
            return tagged
        known = sorted({t for rule in pack.rules.values() for t in rule.tags})
        raise UsageError(f"no rule has the tag {tag!r} (tags: {', '.join(known)})")
    for code, rule in pack.rules.items():
        if reference.upper() in (alias.upper() for alias in rule.aliases):
            notes.append(f"{reference} is now {code}")
            return {code}
    if reference in pack.not_implemented:
        raise UsageError(
            f"rule {reference} is not checked by csc-validate: {pack.not_implemented[reference]}"
        )
    retired = packs.retired_in(pack.collection, reference)
    if retired is not None:
        raise UsageError(f"rule {reference} is not in the {pack.year} pack: retired in {retired}")
    other_years = packs.years_in_force(pack.collection, reference)
    if other_years:
        raise UsageError(
            f"rule {reference} is not in the {pack.year} pack "
            f"(in force in {', '.join(other_years)})"
        )
    suggestion = difflib.get_close_matches(reference, list(pack.rules) + sorted(tables), n=1)
    hint = f"; did you mean {suggestion[0]}?" if suggestion else ""
    raise UsageError(
        f"{reference!r} is not a rule code, table or tag in the {pack.year} pack{hint}"
    )
