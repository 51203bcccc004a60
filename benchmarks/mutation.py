"""Mutation testing of SSDA903 rule modules and rule-kit helpers through the rules' own cases.

Usage: python benchmarks/mutation.py TARGET [TARGET ...] [--jobs 2] [--keep DIR] [--venv PATH]

A TARGET is a rule code (`355`: every rules/ssda903/*/rule_355.py), a glob from the repository top
(`'rules/ssda903/*/rule_6*.py'`) or a rule-kit module
(`src/csc_validate/collections/ssda903/rulekit/adoption.py`). Each module is mutated by cosmic-ray
(installed from PyPI into its own virtual environment, made once and then reused) in a scratch copy
of the checkout, never in the working tree. A rule module's mutants are tested by its CASES in
every year the rule is in force; a rule-kit helper's by the cases of every rule that imports it and
by tests/test_ssda903_rulekit.py. Only a rule's code is mutated, not its CASES.

Prints per module the mutants killed and surviving and the score (killed / tested), then each
surviving mutant with its line. A survivor is fixed by a new case, or named in the module with the
reason it cannot change a result (an equivalent mutant). Slow: about two seconds a mutant.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules" / "ssda903"
RULEKIT = REPO / "src" / "csc_validate" / "collections" / "ssda903" / "rulekit"
DEFAULT_VENV = Path(tempfile.gettempdir()) / "csc-validate-cosmic-ray-venv"
COPIED = ("src", "rules", "schemas", "tests", "benchmarks", "pyproject.toml")
# Operators that rewrite names rather than logic: slow and mostly noise for declarative rules.
EXCLUDED_OPERATORS = ("core/VariableInserter", "core/VariableReplacer")
TIMEOUT_SECONDS = 120
# Surviving mutants that cannot change any result, each with the reason. Keyed by module, operator
# (occurrence) and the mutated line's text, so that the entry follows the line when others move.
EQUIVALENT = {
    (
        "src/csc_validate/collections/ssda903/rulekit/adoption.py",
        "ReplaceTrueWithFalse (occurrence 0)",
        '.sort("DECOM", "_row", nulls_last=True)',
    ): "an episode with a blank DECOM is always alone in its period of care (with_periods_of_care"
    " sorts it last and starts a new period at it), so where blanks sort within a period is moot",
    (
        "rules/ssda903/2023-24/rule_388.py",
        "ReplaceBinaryOperator_BitOr_BitXor (occurrence 0)",
        "return ordered.filter(x1_with_gap | x1_at_the_end | ceased_but_followed)",
    ): "the three conditions exclude each other (a next episode or none; X1 or not), so xor is or",
    (
        "rules/ssda903/2023-24/rule_388.py",
        "ReplaceBinaryOperator_BitOr_BitXor (occurrence 1)",
        "return ordered.filter(x1_with_gap | x1_at_the_end | ceased_but_followed)",
    ): "the three conditions exclude each other (a next episode or none; X1 or not), so xor is or",
    (
        "rules/ssda903/2023-24/rule_367.py",
        "ReplaceComparisonOperator_Gt_GtE (occurrence 0)",
        'pl.when(pl.col(raw_name("DEC")).is_null() | (pl.col("DEC") > year_end))',
    ): "a DEC on 31 March is cut to 31 March, the same day",
    (
        "rules/ssda903/2023-24/rule_357.py",
        "ReplaceComparisonOperator_Eq_LtE (occurrence 0)",
        'first = dated.filter(pl.col("DECOM") == pl.col("DECOM").min().over("CHILD"))',
    ): "no dated DECOM is below its child's earliest, so <= the minimum is == the minimum",
}


@dataclass
class Outcome:
    module: str
    codes: list[str]
    killed: int = 0
    survived: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)
    failed: str = ""

    @property
    def tested(self) -> int:
        """Mutants that could change a result: killed or surviving, not the equivalent ones."""
        return self.killed + len(self.survived)

    @property
    def score(self) -> str:
        return f"{100 * self.killed / self.tested:.0f}%" if self.tested else "-"


def cosmic_ray_bin(venv_dir: Path) -> Path:
    """The folder of cosmic-ray's commands, installing it first if its environment is missing."""
    bin_dir = venv_dir / ("Scripts" if sys.platform == "win32" else "bin")
    if not (bin_dir / "cosmic-ray").exists():
        print(f"installing cosmic-ray into {venv_dir} ...", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
        subprocess.run(
            [str(bin_dir / "python"), "-m", "pip", "install", "-q", "cosmic-ray"], check=True
        )
    return bin_dir


def targets(specs: list[str]) -> list[Path]:
    """Module paths (relative to the repository) named by codes, globs or paths."""
    found: list[Path] = []
    for spec in specs:
        if re.fullmatch(r"[A-Za-z0-9]+", spec):
            matches = sorted(RULES.glob(f"*/rule_{spec}.py"))
        else:
            matches = sorted(REPO.glob(spec))
        if not matches:
            raise SystemExit(f"mutation: {spec!r} names no rule module or rule-kit module")
        found.extend(path.relative_to(REPO) for path in matches)
    return list(dict.fromkeys(found))


def rule_code(path: Path) -> str | None:
    return path.stem.removeprefix("rule_") if path.stem.startswith("rule_") else None


def codes_using(helper: Path) -> list[str]:
    """Codes of the rules whose modules import a rule-kit helper."""
    pattern = re.compile(rf"rulekit(\.{helper.stem}\b| import .*\b{helper.stem}\b)")
    users = {
        rule_code(path)
        for path in RULES.glob("*/rule_*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    return sorted(code for code in users if code)


def mutated_lines(path: Path) -> str:
    """The lines to mutate: a rule module's code from its first function to its CASES."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if rule_code(path) is None:
        return f"1-{len(lines)}"
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("def "))
    cases = next((i for i, line in enumerate(lines, 1) if line.startswith("CASES")), len(lines) + 1)
    return f"{first}-{cases - 1}"


def mutate(module: Path, bin_dir: Path, work: Path) -> Outcome:
    code = rule_code(module)
    codes = [code] if code else codes_using(module)
    outcome = Outcome(str(module), codes)
    scratch = work / re.sub(r"[^A-Za-z0-9]+", "_", str(module))
    shutil.rmtree(scratch, ignore_errors=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, scratch / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, scratch / name)
    target = scratch / module
    test = [sys.executable, str(scratch / "benchmarks" / "mutation.py"), "--run-cases", *codes]
    if not code:
        test.append("--unit-tests")
    config = scratch / "cosmic-ray.toml"
    config.write_text(
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(str(target))}\n"
        f"timeout = {TIMEOUT_SECONDS}.0\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(subprocess.list2cmdline(test))}\n"
        '[cosmic-ray.distributor]\nname = "local"\n'
        "[cosmic-ray.filters.operators-filter]\n"
        f"exclude-operators = {json.dumps(list(EXCLUDED_OPERATORS))}\n"
        "[cosmic-ray.filters.line-filter.lines]\n"
        f"{json.dumps(str(target))} = {json.dumps(mutated_lines(target))}\n",
        encoding="utf-8",
    )
    session = scratch / "session.sqlite"
    env = {**os.environ, "PYTHONPATH": str(scratch / "src"), "PYTHONDONTWRITEBYTECODE": "1"}

    def run(*command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True)

    steps = (
        (str(bin_dir / "cosmic-ray"), "init", str(config), str(session)),
        (str(bin_dir / "cr-filter-operators"), str(session), str(config)),
        (str(bin_dir / "cr-filter-lines"), "--config", str(config), str(session)),
        (str(bin_dir / "cosmic-ray"), "baseline", str(config)),
        (str(bin_dir / "cosmic-ray"), "exec", str(config), str(session)),
    )
    for step in steps:
        done = run(*step)
        if done.returncode != 0:
            outcome.failed = (
                f"{Path(step[0]).name} {step[1]}: {(done.stderr or done.stdout)[-400:]}"
            )
            return outcome
    source = target.read_text(encoding="utf-8").splitlines()
    for line in run(str(bin_dir / "cosmic-ray"), "dump", str(session)).stdout.splitlines():
        item, result = json.loads(line)
        # Skipped: outside the lines or operators mutated; incompetent: the mutant did not run.
        if result is None or result["worker_outcome"] == "skipped":
            continue
        if result["test_outcome"] == "incompetent":
            continue
        if result["test_outcome"] == "survived":
            for mutation in item["mutations"]:
                row = mutation["start_pos"][0]
                operator = (
                    f"{mutation['operator_name'].removeprefix('core/')}"
                    f" (occurrence {mutation['occurrence']})"
                )
                line = source[row - 1].strip()
                reason = EQUIVALENT.get((str(module), operator, line))
                if reason:
                    outcome.equivalent.append(f"{module}:{row} {operator}: {reason}")
                else:
                    outcome.survived.append(f"{module}:{row} {operator}: {line}")
        else:
            outcome.killed += 1
    return outcome


def run_cases(codes: list[str], unit_tests: bool) -> int:
    """The test command of one mutant: every case of the rules, as tests/test_rule_cases.py runs
    them. Exit 1 at the first case that flags other rows than it expects."""
    from csc_validate import engine, packs, schemas
    from csc_validate.rulekit.cases import build_tables

    ran = 0
    for year in packs.years("ssda903"):
        pack = packs.load("ssda903", year)
        schema = schemas.load("ssda903", year)
        for code in codes:
            rule = pack.rules.get(code)
            for case in rule.cases if rule else ():
                if not case.runs_in(year):
                    continue
                result = engine.run(
                    [rule], build_tables(case, "ssda903", year), schema, case.period_for(year)
                )
                flagged = {hit.table: sorted(hit.rows.to_list(), key=str) for hit in result.hits}
                expected = {t: sorted(rows, key=str) for t, rows in case.flagged.items() if rows}
                passed = not result.crashes and not result.skipped and flagged == expected
                ran += 1
                if passed == bool(case.xfail):
                    print(f"{year}/{code}/{case.slug}: expected {expected}, flagged {flagged}")
                    return 1
    if ran == 0:
        print(f"no case ran for {' '.join(codes)}")
        return 1
    if unit_tests:
        import pytest

        return int(
            pytest.main(["-q", "-x", "-p", "no:cacheprovider", "tests/test_ssda903_rulekit.py"])
        )
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="+", help="rule codes, globs or rule-kit module paths")
    parser.add_argument("--jobs", type=int, default=2, help="modules mutated at once")
    parser.add_argument("--keep", type=Path, help="keep the scratch copies and sessions here")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="cosmic-ray's environment")
    parser.add_argument("--run-cases", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--unit-tests", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_cases:
        sys.exit(run_cases(args.targets, args.unit_tests))

    modules = targets(args.targets)
    bin_dir = cosmic_ray_bin(args.venv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            outcomes = list(pool.map(lambda module: mutate(module, bin_dir, work), modules))
    print(
        f"{'module':<62} {'cases of':<22} {'killed':>6} {'survived':>8} {'equiv.':>6} {'score':>6}"
    )
    for outcome in outcomes:
        if outcome.failed:
            print(f"{outcome.module:<62} FAILED {outcome.failed}")
            continue
        print(
            f"{outcome.module:<62} {' '.join(outcome.codes)[:22]:<22} {outcome.killed:>6}"
            f" {len(outcome.survived):>8} {len(outcome.equivalent):>6} {outcome.score:>6}"
        )
    killed = sum(outcome.killed for outcome in outcomes)
    tested = sum(outcome.tested for outcome in outcomes)
    equivalent = [line for outcome in outcomes for line in outcome.equivalent]
    if tested:
        print(
            f"total: {killed} of {tested} mutants killed ({100 * killed / tested:.1f}%),"
            f" {len(equivalent)} equivalent left out"
        )
    survivors = [line for outcome in outcomes for line in outcome.survived]
    if survivors:
        print("\nsurviving mutants:")
        print("\n".join(f"  {line}" for line in survivors))
    if equivalent:
        print("\nequivalent mutants (cannot change a result):")
        print("\n".join(f"  {line}" for line in equivalent))


if __name__ == "__main__":
    main()
