"""Mutation testing of rule modules and rule-kit helpers through the rules' own cases.

Usage: python benchmarks/mutation.py [TARGET ...] [--collection ssda903] [--jobs 2] [--json FILE]
           [--venv PATH] [--timeout 30]

Without a TARGET every rule module of the collection and every module of its rule kit is mutated.
A TARGET is a rule code (`355`: every rules/<collection>/*/rule_355.py), a glob from the
repository top (`'rules/ssda903/*/rule_6*.py'`) or a module under src/
(`src/csc_validate/collections/ssda903/rulekit/adoption.py`).

The mutants are cosmic-ray's (every core operator but the variable rewriters) and those of
polars_mutants.py beside this script (a method, a join or a duration slipped: `is_null` for
`is_not_null`, an anti join for a semi join, "7d" for "8d"), written as cosmic-ray operators.
cosmic-ray is installed from PyPI into its own virtual environment, which sees this
environment's packages. Each mutant is tested in-process, not by a fresh interpreter: the
mutated module is executed and its functions' code swapped into the loaded rule pack, so a
mutant costs milliseconds, not seconds. A rule module's mutants are tested by its cases in every
year that module is the rule's; a helper's by the cases of every rule that imports it, directly
or through another helper. Only code is mutated, never CASES or a rule's declaration.

A mutant is killed when a case flags other rows than it expects (or names other related rows,
where the case lists them), or the rule crashes or runs past the time limit (`--timeout`, 30 s a
module by default; raise it on a busy machine). It survives
when every case still passes. Prints per module the mutants killed and surviving and the score
(killed / tested), then each survivor with its line. A survivor is fixed by a new case, or named
in a comment just above its line with the reason it cannot change a result:
`# Equivalent mutant (ReplaceComparisonOperator_Gt_GtE): a DEC on 31 March is ...`.
"""

import argparse
import ast
import builtins
import importlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FunctionType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
DEFAULT_VENV = Path(tempfile.gettempdir()) / "csc-validate-cosmic-ray-venv"
# Operators that rewrite names rather than logic (and need arguments).
EXCLUDED_OPERATORS = ("core/VariableInserter", "core/VariableReplacer")
TIMEOUT_SECONDS = 30
# A surviving mutant that cannot change any result is named in a comment just above its line:
# "# Equivalent mutant (ReplaceComparisonOperator_Gt_GtE): <why it cannot change a result>".
EQUIVALENT_NOTE = re.compile(r"equivalent mutants? \((?P<operators>[\w, ]+)\):\s*", re.IGNORECASE)


@dataclass
class Outcome:
    module: str
    codes: list[str]
    killed: int = 0
    survived: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)
    # Mutants that change only what builds the cases (a case helper), which no case can catch.
    case_code: int = 0
    failed: str = ""

    @property
    def tested(self) -> int:
        """Mutants that could change a result: killed or surviving, not the equivalent ones."""
        return self.killed + len(self.survived)


# ---------------------------------------------------------------------------------------------
# The parent: installs cosmic-ray, shares the modules among worker processes, prints the table.


def venv_python(venv_dir: Path) -> Path:
    """The interpreter of cosmic-ray's environment, making it first if it is missing."""
    bin_dir = venv_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    probe = [str(python), "-c", "import cosmic_ray, polars, csc_validate"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"installing cosmic-ray into {venv_dir} ...", file=sys.stderr)
    # System site packages: the workers import this environment's polars and csc-validate.
    venv.create(venv_dir, with_pip=True, system_site_packages=True, clear=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "cosmic-ray"], check=True)
    return python


def targets(specs: list[str], collection: str) -> list[Path]:
    """Module paths (relative to the repository) named by codes, globs or paths."""
    rules = REPO / "rules" / collection
    if not specs:
        kit = SRC / "csc_validate" / "collections" / collection / "rulekit"
        found = sorted(rules.glob("*/rule_*.py")) + sorted(kit.glob("*.py"))
        return [path.relative_to(REPO) for path in found]
    found = []
    for spec in specs:
        if re.fullmatch(r"[A-Za-z0-9]+", spec):
            matches = sorted(rules.glob(f"*/rule_{spec}.py"))
        else:
            matches = sorted(REPO.glob(spec))
        if not matches:
            raise SystemExit(f"mutation: {spec!r} names no rule module or module under src/")
        found.extend(path.relative_to(REPO) for path in matches)
    return list(dict.fromkeys(found))


def run_workers(
    python: Path, modules: list[Path], collection: str, jobs: int, timeout: int
) -> list[Outcome]:
    """Each worker takes every jobs-th module; its outcomes come back as JSON lines."""

    def work(share: list[Path]) -> list[Outcome]:
        command = [str(python), __file__, "--worker", "--collection", collection]
        command += ["--timeout", str(timeout)]
        done = subprocess.run(
            [*command, *map(str, share)],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(SRC), "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            text=True,
        )
        outcomes = [Outcome(**json.loads(line)) for line in done.stdout.splitlines() if line]
        if done.returncode != 0:
            reported = {outcome.module for outcome in outcomes}
            outcomes += [
                Outcome(str(module), [], failed=f"worker stopped: {done.stderr[-300:]}")
                for module in share
                if str(module) not in reported
            ]
        return outcomes

    # Largest first, dealt round-robin, so the workers finish together.
    ordered = sorted(modules, key=lambda path: -(REPO / path).stat().st_size)
    shares = [ordered[i :: max(1, jobs)] for i in range(max(1, jobs))]
    with ThreadPoolExecutor(max_workers=len(shares)) as pool:
        results = [outcome for share in pool.map(work, shares) for outcome in share]
    order = {str(module): index for index, module in enumerate(modules)}
    return sorted(results, key=lambda outcome: order.get(outcome.module, len(order)))


def print_table(outcomes: list[Outcome]) -> None:
    heading = f"{'module':<62} {'cases of':<22} {'killed':>6} {'survived':>8} {'equiv.':>6}"
    print(f"{heading} {'score':>6}")
    for outcome in outcomes:
        if outcome.failed:
            print(f"{outcome.module:<62} FAILED {outcome.failed}")
            continue
        score = f"{100 * outcome.killed / outcome.tested:.0f}%" if outcome.tested else "-"
        print(
            f"{outcome.module:<62} {' '.join(outcome.codes)[:22]:<22} {outcome.killed:>6}"
            f" {len(outcome.survived):>8} {len(outcome.equivalent):>6} {score:>6}"
        )
    killed = sum(outcome.killed for outcome in outcomes)
    tested = sum(outcome.tested for outcome in outcomes)
    equivalent = [line for outcome in outcomes for line in outcome.equivalent]
    failed = [outcome.module for outcome in outcomes if outcome.failed]
    case_code = sum(outcome.case_code for outcome in outcomes)
    if tested:
        print(
            f"total: {killed} of {tested} mutants killed ({100 * killed / tested:.1f}%) in"
            f" {len(outcomes) - len(failed)} modules; {len(equivalent)} equivalent and"
            f" {case_code} in case-building code left out; {len(failed)} modules failed"
        )
    survivors = [line for outcome in outcomes for line in outcome.survived]
    if survivors:
        print("\nsurviving mutants:")
        print("\n".join(f"  {line}" for line in survivors))
    if equivalent:
        print("\nequivalent mutants (cannot change a result):")
        print("\n".join(f"  {line}" for line in equivalent))


# ---------------------------------------------------------------------------------------------
# The worker: makes each module's mutants and runs the cases against them in this process.


@dataclass
class Mutant:
    operator: str
    occurrence: int
    row: int


@dataclass
class Test:
    """One case of one rule in one year, with its tables built once for every mutant."""

    rule: Any
    case: Any
    year: str
    inputs: tuple | None = None


def mutable_lines(source: str) -> set[int]:
    """The lines of code: functions and module-level values, not imports, the rule's declaration
    (a decorator call), docstrings, or CASES and what builds them, which are the test itself."""
    lines: set[int] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        targets_ = getattr(node, "targets", None) or [getattr(node, "target", None)]
        if any(isinstance(target, ast.Name) and target.id == "CASES" for target in targets_):
            continue
        if _builds_cases(node):
            continue  # shared case tables or a function making cases: part of the tests
        start = node.lineno  # a function's `def` line: its decorators come before it
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            lines.add(start)
            start = (body[1].lineno if len(body) > 1 else node.end_lineno + 1) if body else start
        lines.update(range(start, (node.end_lineno or start) + 1))
    return lines


def operators() -> dict[str, Callable[[], Any]]:
    """cosmic-ray's core operators (but the excluded) and the polars ones, by name."""
    from cosmic_ray.plugins import get_operator, operator_names
    from polars_mutants import OPERATORS

    core = {name: get_operator(name) for name in operator_names() if name not in EXCLUDED_OPERATORS}
    return {**core, **OPERATORS}


def _builds_cases(node: ast.AST) -> bool:
    """Whether a statement calls `Case(...)` or `table(...)`, the makings of a rule's cases."""
    return any(
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id in {"Case", "table"}
        for call in ast.walk(node)
    )


def mutants_of(source: str) -> Iterator[Mutant]:
    from cosmic_ray.ast import ast_nodes, get_ast

    lines = mutable_lines(source)
    tree = get_ast(source)
    nodes = list(ast_nodes(tree))
    for name, make in operators().items():
        operator = make()
        positions = [start for node in nodes for start, _ in operator.mutation_positions(node)]
        for occurrence, (row, _column) in enumerate(positions):
            if row in lines:
                yield Mutant(name, occurrence, row)


def function_of(value: object) -> FunctionType | None:
    """The plain function behind a value: a function, a rule's check, a cached or wrapped one."""
    from csc_validate.rulekit.rule import Rule

    if isinstance(value, Rule):
        value = value.check
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    while not isinstance(value, FunctionType) and hasattr(value, "__wrapped__"):
        value = value.__wrapped__
    return value if isinstance(value, FunctionType) else None


def swap_in(namespace: dict, source: str, path: Path) -> tuple[Callable[[], None], dict]:
    """Execute the mutated source and put its code into the loaded module's functions (which the
    rule packs and importing modules hold), and its values into the module; return the undo and
    the mutated module's own namespace."""
    fresh: dict[str, Any] = {
        key: namespace[key] for key in ("__name__", "__package__", "__spec__") if key in namespace
    }
    fresh["__builtins__"] = builtins
    exec(compile(source, str(path), "exec"), fresh)
    undo: list[Callable[[], None]] = []

    def replace(old: FunctionType, new: FunctionType) -> None:
        saved = (old.__code__, old.__defaults__, old.__kwdefaults__)

        def restore() -> None:
            old.__code__, old.__defaults__, old.__kwdefaults__ = saved

        undo.append(restore)
        old.__code__, old.__defaults__, old.__kwdefaults__ = (
            new.__code__,
            new.__defaults__,
            new.__kwdefaults__,
        )

    for name, new in fresh.items():
        if name.startswith("__") or name == "CASES" or name not in namespace:
            continue
        old = namespace[name]
        if old is new:
            continue
        old_function, new_function = function_of(old), function_of(new)
        if old_function and new_function:
            replace(old_function, new_function)
            if hasattr(old, "cache_clear"):
                old.cache_clear()
        elif isinstance(old, type) and isinstance(new, type):
            for attribute, value in vars(new).items():
                current = vars(old).get(attribute)
                old_method, new_method = function_of(current), function_of(value)
                if old_method and new_method:
                    replace(old_method, new_method)
                elif isinstance(current, property) or isinstance(value, property):
                    # A property has no code of its own to swap, and a removed @property turns
                    # it into a method: the class's attribute itself is replaced, then restored.
                    setattr(old, attribute, value)
                    undo.append(
                        lambda cls=old, name=attribute, was=current: setattr(cls, name, was)
                    )
        elif not callable(old):
            namespace[name] = new
            undo.append(lambda name=name, old=old: namespace.__setitem__(name, old))

    def undo_all() -> None:
        for step in reversed(undo):
            step()

    return undo_all, fresh


class TimedOutError(Exception):
    pass


def passes(test: Test, collection: str) -> bool:
    """Whether the case still holds for the rule as it now is (an xfail case must still fail)."""
    from csc_validate import engine, schemas
    from csc_validate.testing import build_references, build_tables

    if test.inputs is None:
        tables = build_tables(test.case, collection, test.year)
        test.inputs = (
            tables,
            schemas.load(collection, test.year),
            test.case.period_for(test.year, collection),
            build_references(test.case, collection, tables),
        )
    result = engine.run([test.rule], *test.inputs)
    flagged = {hit.table: sorted(hit.rows.to_list(), key=str) for hit in result.hits}
    expected = {t: sorted(rows, key=str) for t, rows in test.case.flagged.items() if rows}
    if test.case.skipped:
        held = not result.crashes and bool(result.skipped) and not result.hits
    else:
        held = not result.crashes and not result.skipped and flagged == expected
        # A case that lists the related rows holds only while the rule names exactly those.
        if held and test.case.related:
            named = {
                (hit.table, *pair)
                for hit in result.hits
                if hit.related is not None
                for pair in hit.related.iter_rows()
            }
            held = named == set(test.case.related)
    return held != bool(test.case.xfail)


def all_pass(tests: list[Test], collection: str, timeout: int) -> bool:
    def alarm(*_: object) -> None:
        raise TimedOutError

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(timeout)
    try:
        return all(passes(test, collection) for test in tests)
    except TimedOutError:
        return False
    finally:
        signal.alarm(0)


def importers(module_name: str, collection: str) -> tuple[set[str], set[Path]]:
    """Modules of the rule kits and rule files that import `module_name`, directly or through
    another module that does."""
    kits = [SRC / "csc_validate" / "rulekit", SRC / "csc_validate" / "collections" / collection]
    sources = {path: path.read_text(encoding="utf-8") for kit in kits for path in kit.rglob("*.py")}
    rule_files = sorted((REPO / "rules" / collection).glob("*/rule_*.py"))
    sources.update({path: path.read_text(encoding="utf-8") for path in rule_files})

    def dotted(path: Path) -> str:
        return ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")

    reached, frontier = {module_name}, [module_name]
    while frontier:
        name = frontier.pop()
        package, _, leaf = name.rpartition(".")
        pattern = re.compile(
            rf"(from {re.escape(name)} import|import {re.escape(name)}\b|"
            rf"from {re.escape(package)} import [^\n]*\b{leaf}\b)"
        )
        for path, text in sources.items():
            if path.is_relative_to(SRC) and pattern.search(text):
                found = dotted(path)
                if found not in reached:
                    reached.add(found)
                    frontier.append(found)
    users = {
        path
        for path in rule_files
        if any(
            re.search(rf"from {re.escape(name)} import|import {re.escape(name)}\b", sources[path])
            for name in reached
        )
    }
    return reached, users


def tests_for(module: Path, collection: str) -> tuple[dict, list[Test], list[str]]:
    """The loaded namespace of a module, the tests of its mutants, and the rule codes tested."""
    from csc_validate import packs

    path = (REPO / module).resolve()
    years = packs.years(collection)
    pairs = [(year, rule) for year in years for rule in packs.load(collection, year).ordered()]
    if module.parts[0] == "rules":
        chosen = [(year, rule) for year, rule in pairs if rule.source == path]
        if not chosen:
            raise LookupError("no pack uses this module")
        namespace = chosen[0][1].check.__globals__
    else:
        name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        namespace = vars(importlib.import_module(name))
        _, users = importers(name, collection)
        chosen = [(year, rule) for year, rule in pairs if rule.source in users]
    tests = [
        Test(rule, case, year) for year, rule in chosen for case in rule.cases if case.runs_in(year)
    ]
    if not tests:
        raise LookupError("no case tests this module")
    codes = sorted({rule.code for _, rule in chosen})
    return namespace, tests, codes


def mutate(module: Path, collection: str, timeout: int) -> Outcome:
    from cosmic_ray.mutating import mutate_code

    made = operators()
    outcome = Outcome(str(module), [])
    try:
        namespace, tests, outcome.codes = tests_for(module, collection)
    except LookupError as error:
        outcome.failed = str(error)
        return outcome
    if not all_pass(tests, collection, timeout):
        outcome.failed = "a case fails before any mutation"
        return outcome
    source = (REPO / module).read_text(encoding="utf-8")
    lines = source.splitlines()
    for mutant in mutants_of(source):
        mutated = mutate_code(source, made[mutant.operator](), mutant.occurrence)
        if mutated is None:
            continue
        try:
            undo, fresh = swap_in(namespace, mutated, REPO / module)
        except Exception:
            outcome.killed += 1  # the mutated module does not even load
            continue
        try:
            if fresh.get("CASES") != namespace.get("CASES"):
                outcome.case_code += 1
                continue
            if all_pass(tests, collection, timeout):
                name = mutant.operator.removeprefix("core/")
                operator = f"{name} (occurrence {mutant.occurrence})"
                text = lines[mutant.row - 1].strip()
                reason = equivalence_noted(lines, mutant.row, name.split("/")[-1])
                entry = f"{module}:{mutant.row} {operator}: {reason or text}"
                (outcome.equivalent if reason else outcome.survived).append(entry)
            else:
                outcome.killed += 1
        finally:
            undo()
    return outcome


def equivalence_noted(lines: list[str], row: int, operator: str) -> str | None:
    """The reason given in the comment block just above `row` why `operator`'s mutant there
    cannot change a result, if one is given."""
    above = row - 1
    while above > 0 and lines[above - 1].strip().startswith("#"):
        above -= 1
    block = " ".join(line.strip().lstrip("#").strip() for line in lines[above : row - 1])
    notes = list(EQUIVALENT_NOTE.finditer(block))
    for index, note in enumerate(notes):
        named = {part.strip() for part in note["operators"].split(",")}
        if operator in named:
            end = notes[index + 1].start() if index + 1 < len(notes) else len(block)
            return block[note.end() : end].strip()
    return None


def worker(modules: list[str], collection: str, timeout: int) -> None:
    for module in modules:
        outcome = mutate(Path(module), collection, timeout)
        print(json.dumps(asdict(outcome)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", help="rule codes, globs or module paths")
    parser.add_argument("--collection", default="ssda903", help="the rules' collection")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--json", type=Path, help="also write every module's outcome here")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="cosmic-ray's environment")
    parser.add_argument(
        "--timeout",
        type=int,
        default=TIMEOUT_SECONDS,
        help="seconds a module's cases may take against one mutant (raise it on a busy machine)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.targets, args.collection, args.timeout)
        return
    modules = targets(args.targets, args.collection)
    outcomes = run_workers(
        venv_python(args.venv), modules, args.collection, args.jobs, args.timeout
    )
    print_table(outcomes)
    if args.json:
        args.json.write_text(
            json.dumps([asdict(outcome) for outcome in outcomes], indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
