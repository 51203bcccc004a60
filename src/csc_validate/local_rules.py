"""A council's own rules: installed packages that register under the `csc_validate.rules` group.

The entry point names a package that says which collection its rules check (`COLLECTION`) and,
if not every year, which years (`YEARS`). Its rules are `rule_<code>.py` modules written exactly
like the built-in ones. A package that cannot be loaded is reported, never a reason to stop the
built-in rules.
"""

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from types import ModuleType

from csc_validate.errors import RuleDefinitionError
from csc_validate.rulekit.cases import Case
from csc_validate.rulekit.rule import Rule

GROUP = "csc_validate.rules"
MODULE_PREFIX = "rule_"


@dataclass(frozen=True)
class Broken:
    """A local rule package, or one of its modules, that could not be loaded."""

    name: str
    error: str


@dataclass(frozen=True)
class LocalRules:
    rules: tuple[Rule, ...]
    broken: tuple[Broken, ...]


def load(collection: str, year: str, taken: frozenset[str]) -> LocalRules:
    """The installed local rules for this collection year; `taken` are the codes DfE uses."""
    rules: dict[str, Rule] = {}
    broken: list[Broken] = []
    for package in _packages():
        if isinstance(package, Broken):
            broken.append(package)
            continue
        origin, module = package
        if getattr(module, "COLLECTION", None) != collection:
            continue
        years = getattr(module, "YEARS", None)
        if years is not None and year not in years:
            continue
        for name in _rule_module_names(module):
            try:
                rule = _rule(importlib.import_module(name), origin)
            except Exception as error:  # A council's code may fail in any way; say how.
                broken.append(Broken(name, f"{type(error).__name__}: {error}"))
                continue
            if rule.code in taken or rule.code in rules:
                broken.append(Broken(name, f"rule code {rule.code} is already in use"))
                continue
            rules[rule.code] = rule
    return LocalRules(tuple(rules.values()), tuple(broken))


@cache
def _packages() -> tuple[tuple[str, ModuleType] | Broken, ...]:
    found: list[tuple[str, ModuleType] | Broken] = []
    for entry in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        origin = _origin(entry)
        try:
            module = entry.load()
        except Exception as error:  # An import error, a syntax error, a missing dependency.
            found.append(Broken(origin, f"cannot be imported: {type(error).__name__}: {error}"))
            continue
        if not isinstance(module, ModuleType) or not hasattr(module, "COLLECTION"):
            found.append(Broken(origin, f"{entry.value} must be a package that sets COLLECTION"))
            continue
        found.append((origin, module))
    return tuple(found)


def _origin(entry: EntryPoint) -> str:
    """What `rules` shows as the source: the installed distribution, or the entry point."""
    dist = entry.dist
    return f"{dist.name} {dist.version}" if dist is not None else entry.name


def _rule_module_names(package: ModuleType) -> list[str]:
    paths = getattr(package, "__path__", None)
    if paths is None:
        return []
    return sorted(
        f"{package.__name__}.{info.name}"
        for info in pkgutil.iter_modules(paths)
        if info.name.startswith(MODULE_PREFIX)
    )


def _rule(module: ModuleType, origin: str) -> Rule:
    """The module's one rule, named as its file is, with its cases, as the built-in ones are."""
    declared = [value for value in vars(module).values() if isinstance(value, Rule)]
    if len(declared) != 1:
        raise RuleDefinitionError(f"declares {len(declared)} rules, expected one")
    rule = declared[0]
    expected = module.__name__.rsplit(".", 1)[-1].removeprefix(MODULE_PREFIX)
    if rule.code != expected:
        raise RuleDefinitionError(
            f"declares rule {rule.code}, but the file is named for {expected}"
        )
    cases = getattr(module, "CASES", ())
    if not cases or not all(isinstance(case, Case) for case in cases):
        raise RuleDefinitionError("CASES must be a list of Case, with at least one")
    source = Path(module.__file__ or module.__name__)
    return rule.with_cases(tuple(cases), source).model_copy(update={"origin": origin})
