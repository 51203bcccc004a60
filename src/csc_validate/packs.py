"""Rule packs: rules/<collection>/<year>/ is the parent year's pack, minus retired codes, plus
the rule modules in the folder (a module whose code the parent has changes that rule), with the
revisions its pack.toml lists under [revised]: new wording, a change through the year's code
lists, or new values for the rule's year parameters; [provisional] marks rules whose reading from
that year on lacks DfE's own text."""

import functools
import importlib.util
import inspect
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from csc_validate import local_rules, schemas
from csc_validate.builtin import BUILTIN_RULES
from csc_validate.errors import RuleDefinitionError, UsageError
from csc_validate.findings import code_key
from csc_validate.resources import collection_dir, pack_years
from csc_validate.rulekit.cases import Case
from csc_validate.rulekit.rule import MidYear, Rule
from csc_validate.severity import Severity
from csc_validate.tables import PREVIOUS_SUFFIX

MODULE_PREFIX = "rule_"
# What a [revised.CODE] table in pack.toml may change without a new module: DfE's wording, what
# `explain` says (the summary and explanation that the function's docstring gives the first
# year) and the fields the rule reports.
REVISABLE = {"message", "severity", "summary", "explanation", "fields"}
# A [revised.CODE] key naming the code lists through which the year changed the rule: the rule is
# the parent's, but listed as changed, and each list must differ from the parent year's.
REVISED_CODE_LISTS = "codes"
# A [revised.CODE] key giving the rule's year parameters from that year on: the keyword-only
# parameters of its check function, whose defaults are the first year's values. One module
# states how its years differ and keeps one body; a later year inherits the values.
REVISED_PARAMS = "params"
# pack.toml's [mid_year] table: `not_yet_due` lists the rules about the year-end tables, which a
# year-to-date check does not run; a later year inherits the list and may add to it.
MID_YEAR = "mid_year"
# The tag such rules carry, so that `--select tag:year-end` finds them.
YEAR_END_TAG = "year-end"
# pack.toml's [history] table: `earlier_years` lists the rules that read every earlier year's
# return given with --previous, not only last year's; they carry the tag EARLIER_YEARS_TAG.
HISTORY = "history"
EARLIER_YEARS_TAG = "earlier-years"


@dataclass(frozen=True)
class Pack:
    collection: str
    year: str
    rules: dict[str, Rule]
    extends: str | None = None
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    retired: dict[str, str] = field(default_factory=dict)
    # DfE rules in force this year that csc-validate does not check, with the reason: never
    # listed as rules, but known, so that `explain` says why and an ignore list may name them.
    not_implemented: dict[str, str] = field(default_factory=dict)
    # Local rules that could not be loaded: reported, and the check counts as incomplete.
    broken: tuple[local_rules.Broken, ...] = ()
    # How rules behave on a year-to-date extract (see MID_YEAR): the year-end tables, the rules
    # about them (not yet due before the year ends) and those judged as at the date all the same.
    year_end_tables: tuple[str, ...] = ()
    not_yet_due: tuple[str, ...] = ()
    judged_as_at: tuple[str, ...] = ()

    def ordered(self) -> list[Rule]:
        return [self.rules[code] for code in sorted(self.rules, key=code_key)]


def years(collection: str) -> list[str]:
    return pack_years(collection)


def collections() -> list[str]:
    from csc_validate import collections as registered  # the registry imports the rulekit

    return sorted(name for name in registered.registry() if years(name))


@cache
def load(collection: str, year: str, *, builtins: bool = True) -> Pack:
    """The year's rules by code; csc-validate's own CSC checks are added unless told not to."""
    folder = collection_dir("rules", collection) / year
    manifest = folder / "pack.toml"
    if not manifest.is_file():
        known = ", ".join(years(collection)) or "none"
        raise UsageError(f"no {collection} rule pack for {year} (available: {known})")
    with manifest.open("rb") as handle:
        config = tomllib.load(handle)
    parent_year = config.get("extends")
    parent = load(collection, parent_year, builtins=False) if parent_year else None
    rules = dict(parent.rules) if parent else {}
    retired = {str(code): str(reason) for code, reason in config.get("retired", {}).items()}
    not_implemented = {
        code: reason
        for code, reason in (parent.not_implemented if parent else {}).items()
        if code not in retired
    }
    not_implemented.update(
        {str(code): str(reason) for code, reason in config.get("not_implemented", {}).items()}
    )
    for code in retired:
        rules.pop(code, None)
    added: list[str] = []
    changed: list[str] = []
    for rule in _folder_rules(folder):
        if rule.code in retired:
            raise RuleDefinitionError(f"{rule.source}: {rule.code} is retired in the same year")
        (changed if rule.code in rules else added).append(rule.code)
        rules[rule.code] = rule
    for code, revision in config.get("revised", {}).items():
        rule = rules.get(str(code))
        unknown = set(revision) - REVISABLE - {REVISED_CODE_LISTS, REVISED_PARAMS}
        if rule is None or unknown or str(code) in added + changed:
            raise RuleDefinitionError(
                f"{manifest}: [revised.{code}] must revise an inherited rule's "
                f"{', '.join(sorted(REVISABLE | {REVISED_CODE_LISTS, REVISED_PARAMS}))} only"
            )
        revision = dict(revision)
        lists = revision.pop(REVISED_CODE_LISTS, [])
        _check_code_lists(manifest, str(code), lists, (collection, year, parent_year))
        if REVISED_PARAMS in revision:
            params = revision.pop(REVISED_PARAMS)
            revision["check"] = _with_params(manifest, rule, params)
        if "severity" in revision:
            revision = {**revision, "severity": Severity(revision["severity"])}
        if "fields" in revision:
            revision = {**revision, "fields": tuple(revision["fields"])}
        rules[str(code)] = rule.model_copy(update=revision)
        changed.append(str(code))
    for code, reason in config.get("provisional", {}).items():
        rule = rules.get(str(code))
        if rule is None or not str(reason).strip():
            raise RuleDefinitionError(
                f"{manifest}: [provisional] must give a reason for a rule of the pack, not {code}"
            )
        rules[str(code)] = rule.model_copy(update={"provisional": str(reason).strip()})
    changed.sort(key=code_key)
    year_end_tables, not_yet_due, judged_as_at = _not_yet_due(manifest, config, rules, parent)
    for code in not_yet_due:
        rule = rules[code]
        tags = rule.tags if YEAR_END_TAG in rule.tags else (*rule.tags, YEAR_END_TAG)
        rules[code] = rule.model_copy(update={"mid_year": MidYear.NOT_YET_DUE, "tags": tags})
    for code in _earlier_years(manifest, config, rules, parent):
        rule = rules[code]
        tags = rule.tags if EARLIER_YEARS_TAG in rule.tags else (*rule.tags, EARLIER_YEARS_TAG)
        rules[code] = rule.model_copy(update={"earlier_years": True, "tags": tags})
    broken: tuple[local_rules.Broken, ...] = ()
    if builtins:
        rules.update({rule.code: rule for rule in BUILTIN_RULES})
        taken = frozenset(rules) | frozenset(retired) | frozenset(not_implemented)
        local = local_rules.load(collection, year, taken)
        rules.update({rule.code: rule for rule in local.rules})
        broken = local.broken
    return Pack(
        collection=collection,
        year=year,
        rules=rules,
        extends=parent_year,
        added=tuple(sorted(added, key=code_key)),
        changed=tuple(changed),
        retired=retired,
        not_implemented=not_implemented,
        broken=broken,
        year_end_tables=year_end_tables,
        not_yet_due=not_yet_due,
        judged_as_at=judged_as_at,
    )


def _earlier_years(
    manifest: Path, config: dict, rules: dict[str, Rule], parent: Pack | None
) -> list[str]:
    """The parent's rules that look back further than last year, still in force, and this
    year's; each must be a rule of the pack."""
    own = [str(code) for code in config.get(HISTORY, {}).get("earlier_years", [])]
    strays = [code for code in own if code not in rules]
    if strays:
        raise RuleDefinitionError(
            f"{manifest}: [{HISTORY}] names {', '.join(strays)}, not rules of this year's pack"
        )
    inherited = [
        code for code, rule in (parent.rules if parent else {}).items() if rule.earlier_years
    ]
    return sorted({*own, *(code for code in inherited if code in rules)}, key=code_key)


def _not_yet_due(
    manifest: Path, config: dict, rules: dict[str, Rule], parent: Pack | None
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The year-end tables, the rules not yet due before the year ends and the rules that read
    a year-end table but are judged as at the date: the parent's still in force, and this
    year's. Every DfE rule reading a year-end table must be in one list or the other."""
    declared = config.get(MID_YEAR, {})
    unknown = set(declared) - {"year_end_tables", "not_yet_due", "judged_as_at"}
    if unknown:
        raise RuleDefinitionError(f"{manifest}: [{MID_YEAR}] has unknown keys {sorted(unknown)}")
    own_tables = [str(name) for name in declared.get("year_end_tables", [])]
    own_due = [str(code) for code in declared.get("not_yet_due", [])]
    own_judged = [str(code) for code in declared.get("judged_as_at", [])]
    strays = [code for code in own_due + own_judged if code not in rules]
    if strays:
        raise RuleDefinitionError(
            f"{manifest}: [{MID_YEAR}] names {', '.join(strays)}, not rules of this year's pack"
        )
    tables = tuple(dict.fromkeys([*(parent.year_end_tables if parent else ()), *own_tables]))
    due = {code for code in (parent.not_yet_due if parent else ()) if code in rules}
    judged = {code for code in (parent.judged_as_at if parent else ()) if code in rules}
    due = (due - set(own_judged)) | set(own_due)
    judged = (judged - set(own_due)) | set(own_judged)
    undeclared = [
        code
        for code, rule in rules.items()
        if code not in due | judged
        and {table.removesuffix(PREVIOUS_SUFFIX) for table in rule.tables} & set(tables)
    ]
    if undeclared:
        raise RuleDefinitionError(
            f"{manifest}: {', '.join(sorted(undeclared, key=code_key))} read a year-end table "
            f"({', '.join(tables)}): list each under [{MID_YEAR}] not_yet_due or judged_as_at"
        )
    return tables, tuple(sorted(due, key=code_key)), tuple(sorted(judged, key=code_key))


def years_in_force(collection: str, code: str) -> list[str]:
    """The years whose pack holds `code` (what `explain` and the docs show)."""
    return [year for year in years(collection) if code in load(collection, year).rules]


def not_implemented_in(collection: str, code: str) -> tuple[list[str], str] | None:
    """The years where DfE has `code` but csc-validate does not check it, and why."""
    found = [
        (year, load(collection, year).not_implemented[code])
        for year in years(collection)
        if code in load(collection, year).not_implemented
    ]
    return ([year for year, _ in found], found[0][1]) if found else None


def retired_in(collection: str, code: str) -> str | None:
    """The year that retired `code`, with DfE's reason, if any pack retires it."""
    for year in years(collection):
        reason = load(collection, year).retired.get(code)
        if reason is not None:
            return f"{year} ({reason})"
    return None


def _check_code_lists(
    manifest: Path, code: str, names: list[str], years: tuple[str, str, str | None]
) -> None:
    """A rule revised through code lists names lists that this year's schema changed."""
    if not names:
        return
    collection, year, parent_year = years
    codes = schemas.load(collection, year).codes
    before = schemas.load(collection, parent_year).codes if parent_year else {}
    for name in names:
        if name not in codes or codes[name] == before.get(name):
            raise RuleDefinitionError(
                f"{manifest}: [revised.{code}] names the code list {name}, which the {year} "
                "schema does not change"
            )


def _with_params(manifest: Path, rule: Rule, params: dict) -> functools.partial:
    """The rule's check with this year's values of its year parameters (and the parent years'
    values of the others); each must be a keyword-only parameter of the check function."""
    check = rule.check
    inherited = check.keywords if isinstance(check, functools.partial) else {}
    function = check.func if isinstance(check, functools.partial) else check
    declared = {
        name
        for name, parameter in inspect.signature(function).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    }
    unknown = sorted(set(params) - declared) if isinstance(params, dict) else ["a table"]
    if not params or unknown:
        allowed = ", ".join(sorted(declared)) or "none"
        raise RuleDefinitionError(
            f"{manifest}: [revised.{rule.code}] params must give keyword-only parameters of "
            f"its check ({allowed}), not {', '.join(unknown) or 'nothing'}"
        )
    bound = functools.partial(function, **{**inherited, **params})
    # The partial reads as the function it binds (what the mutation run and tracebacks show).
    return functools.update_wrapper(bound, function)


def _folder_rules(folder: Path) -> list[Rule]:
    rules: dict[str, Rule] = {}
    for path in sorted(folder.glob(f"{MODULE_PREFIX}*.py")):
        rule = _load_module(path)
        if rule.code in rules:
            raise RuleDefinitionError(
                f"{path}: declares {rule.code}, as {rules[rule.code].source} does"
            )
        rules[rule.code] = rule
    return list(rules.values())


@cache
def _load_module(path: Path) -> Rule:
    """Import a rule module by path; it must declare exactly one rule, named as the file is."""
    name = "csc_validate_rules." + ".".join(
        part.replace("-", "_") for part in path.with_suffix("").parts[-3:]
    )
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuleDefinitionError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    declared = [value for value in vars(module).values() if isinstance(value, Rule)]
    if len(declared) != 1:
        raise RuleDefinitionError(f"{path}: declares {len(declared)} rules, expected one")
    rule = declared[0]
    expected = path.stem.removeprefix(MODULE_PREFIX)
    if rule.code != expected:
        raise RuleDefinitionError(
            f"{path}: declares rule {rule.code}, but the file is named for {expected}"
        )
    cases = getattr(module, "CASES", ())
    if not all(isinstance(case, Case) for case in cases):
        raise RuleDefinitionError(f"{path}: CASES must be a list of Case")
    return rule.with_cases(tuple(cases), path)
