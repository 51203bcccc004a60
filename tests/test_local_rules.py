"""A council's own rules, installed as a package, run and are listed like the built-in ones."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from csc_validate import local_rules, packs
from csc_validate.check import check
from tests.conftest import episodes_csv, header_csv
from tests.test_rule_cases import test_case as run_case

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "local-rules"
EXAMPLE_PACKAGE = "example_council_rules"
HEADER = header_csv("1,1,01/01/2015,WBRI,,,", "2,1,01/01/2015,WBRI,,,")
# Child 1's placement with a relative has no postcode; child 2's has one.
EPISODES = episodes_csv(
    "1,01/05/2025,S,C2,N1,U1,PR1,,,,,,", "2,01/05/2025,S,C2,N1,U1,PR1,,,,,AB1 2CD,"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's example package, installed with pip into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(EXAMPLE),
        ],
        check=True,
        capture_output=True,
    )
    return target


def _run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    paths = [str(site), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    return subprocess.run(
        [sys.executable, "-m", "csc_validate", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def on_path(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Put a folder on sys.path for this process, so its entry points are found."""

    def add(folder: Path) -> None:
        monkeypatch.syspath_prepend(str(folder))
        _forget()

    yield add
    monkeypatch.undo()
    _forget()


def _forget() -> None:
    """Drop what this process loaded from a package, so the next test imports its own."""
    local_rules._packages.cache_clear()
    packs.load.cache_clear()
    for name in [n for n in sys.modules if n.split(".")[0] in ("broken_rules", EXAMPLE_PACKAGE)]:
        del sys.modules[name]


def test_the_example_rule_fires_and_is_selected_like_a_built_in_one(installed, extract) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    result = _run(
        installed, "check", str(folder), "--partial", "--select", "tag:local", "-f", "json"
    )
    assert result.returncode == 0, result.stderr  # a query: exit 0 unless --fail-on query
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["child"], f["severity"]) for f in findings] == [("EXC01", "1", "query")]
    strict = _run(
        installed, "check", str(folder), "--partial", "--select", "EXC01", "--fail-on", "query"
    )
    assert strict.returncode == 1


def test_rules_lists_the_local_rule_with_its_source(installed) -> None:
    result = _run(installed, "rules", "--year", "2025-26", "--format", "json")
    listed = {rule["code"]: rule["source"] for rule in json.loads(result.stdout)}
    assert listed["EXC01"] == "local: example-council-rules 1.0.0"
    assert listed["101"] == "DfE"
    # The package says which years it applies to.
    older = _run(installed, "rules", "--year", "2023-24", "--format", "json")
    assert "EXC01" not in {rule["code"] for rule in json.loads(older.stdout)}


def test_the_example_rules_cases_pass(installed, on_path) -> None:
    on_path(installed)
    rule = packs.load("ssda903", "2025-26").rules["EXC01"]
    assert rule.origin == "example-council-rules 1.0.0" and len(rule.cases) == 1
    for case in rule.cases:
        run_case("ssda903", "2025-26", rule, case)


def _broken_package(site: Path, module: str, source: str) -> None:
    """A package registered like the example, with one rule module of the given source."""
    package = site / "broken_rules"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text('COLLECTION = "ssda903"\n')
    (package / module).write_text(source)
    info = site / "broken_rules-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-rules\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[csc_validate.rules]\nbroken = broken_rules\n")


@pytest.mark.parametrize(
    ("module", "source", "reason"),
    [
        ("rule_BRK1.py", "import not_a_module\n", "ModuleNotFoundError"),
        ("rule_BRK1.py", "CASES = []\n", "declares 0 rules"),
        (
            "rule_101.py",
            "from csc_validate.rulekit import rule\n"
            "@rule(code='101', message='m', tables=['Header'])\n"
            "def f(ctx):\n    return ctx.table('Header')\n"
            "from csc_validate.rulekit import Case\nCASES = [Case('x', tables={}, flagged={})]\n",
            "rule code 101 is already in use",
        ),
    ],
)
def test_a_broken_local_rule_is_reported_and_the_built_in_rules_still_run(
    tmp_path: Path, extract, on_path, module: str, source: str, reason: str
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _broken_package(site, module, source)
    folder = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": EPISODES})
    on_path(site)
    report = check([folder], select=["101"])
    assert [f.rule for f in report.findings] == ["101"]
    assert [c.rule for c in report.crashes] == [f"broken_rules.{module[:-3]}"]
    assert reason in report.crashes[0].error
    result = _run(site, "check", str(folder), "--partial", "--select", "101")
    assert result.returncode == 2
    assert "local rule not loaded" in result.stdout and "101" in result.stdout


def test_the_readme_shows_the_example_package_as_it_is() -> None:
    readme = (EXAMPLE.parents[1] / "README.md").read_text(encoding="utf-8")
    for path in sorted(EXAMPLE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml"):
            assert path.read_text(encoding="utf-8").rstrip() in readme, path
