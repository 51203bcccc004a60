"""A third collection registered in the tests only (tests/third_collection): a workforce census
with two tables and two rules, whose year runs 1 October to 30 September and whose rows are about
workers. `check` runs on it through the CLI, its rule cases through the usual case runner."""

import datetime as dt
import json
import tomllib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from csc_validate import collections, packs
from csc_validate.cli.app import app
from csc_validate.errors import UsageError
from tests.test_rule_cases import test_case as run_case
from tests.third_collection import collection as third

ROOT = Path(__file__).resolve().parents[1]
YEAR = "2025-26"


def _plugins(*values: str) -> tuple[metadata.EntryPoint, ...]:
    return tuple(
        metadata.EntryPoint(name=f"test{index}", value=value, group=collections.ENTRY_POINT_GROUP)
        for index, value in enumerate(values)
    )


@pytest.fixture
def registered(monkeypatch) -> Iterator[None]:
    """The workforce census, added as another package would add it: by an entry point."""
    entry_points = _plugins("tests.third_collection.collection:COLLECTION")
    monkeypatch.setattr(collections, "plugin_entry_points", lambda: entry_points)
    collections.reload()
    yield
    monkeypatch.undo()
    collections.reload()


def test_it_is_registered_after_the_built_in_collections(registered) -> None:
    assert list(collections.registry()) == ["ssda903", "cin", "workforce"]
    assert packs.collections() == ["cin", "ssda903", "workforce"]
    assert collections.get("workforce") is third.COLLECTION


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2025, 9, 30), "2024-25"),
        (dt.date(2025, 10, 1), "2025-26"),
        (dt.date(2026, 3, 31), "2025-26"),
        (dt.date(2026, 4, 1), "2025-26"),
        (dt.date(2026, 9, 30), "2025-26"),
        (dt.date(2026, 10, 1), "2026-27"),
    ],
)
def test_its_year_runs_to_30_september(registered, day: dt.date, year: str) -> None:
    assert third.COLLECTION.year_containing(day) == year
    whole = collections.period("workforce", year)
    assert whole.start <= day <= whole.end


def test_its_period_and_as_at_are_its_own(registered) -> None:
    whole = collections.period("workforce", YEAR)
    assert (whole.start, whole.end) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    assert collections.period("workforce", YEAR, dt.date(2026, 4, 1)).as_at == dt.date(2026, 4, 1)
    with pytest.raises(UsageError, match="01/10/2026 is not in the 2025-26"):
        collections.period("workforce", YEAR, dt.date(2026, 10, 1))
    # The built-in collections keep 1 April to 31 March.
    cin = collections.period("cin", YEAR)
    assert (cin.start, cin.end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))


def _cases() -> list:
    """Its rule cases, for the usual case runner (collected without registering it)."""
    out = []
    for name in sorted((third.HERE / "rules" / YEAR).glob("rule_*.py")):
        out.append(name.stem.removeprefix("rule_"))
    return out


@pytest.mark.parametrize("code", _cases())
def test_its_rule_cases_pass_through_the_usual_case_runner(registered, code: str) -> None:
    rule = packs.load("workforce", YEAR).rules[code]
    assert rule.cases
    for case in rule.cases:
        run_case("workforce", YEAR, rule, case)


def _extract(folder: Path) -> Path:
    folder.mkdir()
    (folder / "workers.csv").write_text(
        "WorkerID,StartDate,Role\nA,01/10/2020,SW\nB,01/10/2026,TM\nC,30/09/2026,SW\n"
    )
    (folder / "absences.csv").write_text(
        "WorkerID,AbsenceStart,Days\nA,30/09/2025,3\nC,14/09/2026,2\n"
    )
    return folder


def test_check_runs_through_the_cli_naming_workers(registered, tmp_path: Path) -> None:
    folder = _extract(tmp_path / "census")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(folder),
            "--collection",
            "workforce",
            "-o",
            str(report),
            "-o",
            str(tmp_path / "report.html"),
            "-o",
            str(tmp_path / "report.xlsx"),
        ],
    )
    assert result.exit_code == 1, result.output

    found = json.loads(report.read_text())
    assert (found["year"], found["period_start"], found["period_end"]) == (
        YEAR,
        "01/10/2025",
        "30/09/2026",
    )
    assert sorted((f["rule"], f["table"], f["child"]) for f in found["findings"]) == [
        ("W1", "Workers", "B"),
        ("W2", "Absences", "A"),
    ]
    assert "for 2 workers" in result.stdout and "children" not in result.stdout
    assert "work through it worker by worker" in result.stdout
    sheets = openpyxl.load_workbook(tmp_path / "report.xlsx", read_only=True).sheetnames
    assert sheets[:3] == ["Summary", "Findings", "By worker"]
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'placeholder="Find a worker…"' in page and "workers with findings" in page
    assert '"subject":["worker","workers","Worker","Workers"]' in page
    assert '<a href="#children">Workers</a>' in page and "Filter by worker" in page


def test_check_finds_the_collection_and_year_without_being_told(registered, tmp_path: Path) -> None:
    folder = _extract(tmp_path / "census")
    result = CliRunner().invoke(app, ["check", str(folder), "-q"])
    assert result.exit_code == 1, result.output
    assert "(01/10/2025 to 30/09/2026)" in result.stdout
    assert "the latest absence starts on 14/09/2026" in result.stdout


def test_example_data_says_it_has_no_generator(registered, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["example-data", "workforce", "--out", str(tmp_path / "x")])
    # A UsageError: the program's entry point prints it as one line and exits 2.
    assert isinstance(result.exception, UsageError)
    assert str(result.exception) == (
        "the test workforce census has no example-data generator: csc-validate writes example "
        "data for ssda903, cin only"
    )
    assert not (tmp_path / "x").exists()


def test_nothing_of_it_ships(registered) -> None:
    """The wheel holds src/csc_validate, rules/ and schemas/ alone: the third collection lives
    under tests/ and names no folder there."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        wheel = tomllib.load(handle)["tool"]["hatch"]["build"]["targets"]["wheel"]
    shipped = [ROOT / path for path in [*wheel["packages"], *wheel["force-include"]]]
    assert all(not third.HERE.is_relative_to(root) for root in shipped)
    assert not any((root / "workforce").exists() for root in shipped)
    collections.reload()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(collections, "plugin_entry_points", lambda: ())
        collections.reload()
        assert "workforce" not in collections.registry()
    collections.reload()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("tests.third_collection.no_such_module:COLLECTION", "ModuleNotFoundError"),
        ("tests.third_collection.collection:NO_SUCH_NAME", "AttributeError"),
        ("tests.third_collection.collection:UK_DATE", "it is a DateFormat, not a Collection"),
        ("csc_validate.collections.cin:COLLECTION", "the name 'cin' is already taken"),
    ],
)
def test_a_broken_plugin_is_named_and_the_others_still_work(
    monkeypatch, value: str, reason: str
) -> None:
    monkeypatch.setattr(collections, "plugin_entry_points", lambda: _plugins(value))
    collections.reload()
    try:
        assert list(collections.registry()) == ["ssda903", "cin"]
        (broken,) = collections.broken_plugins()
        assert reason in broken.error and value in broken.message()
        with pytest.raises(UsageError, match=r"test0.*could not be loaded"):
            collections.get("test0")
    finally:
        monkeypatch.undo()
        collections.reload()


def test_a_broken_plugin_is_a_warning_on_every_command(monkeypatch, tmp_path: Path) -> None:
    broken = _plugins("tests.third_collection.no_such_module:COLLECTION")
    monkeypatch.setattr(collections, "plugin_entry_points", lambda: broken)
    collections.reload()
    try:
        result = CliRunner().invoke(app, ["example-data", "cin", "--out", str(tmp_path)])
        assert result.stderr.startswith(
            "warning: the collection 'test0' (entry point test0 = tests.third_collection."
            "no_such_module:COLLECTION) could not be loaded: ModuleNotFoundError"
        )
        assert "Traceback" not in result.stderr
    finally:
        monkeypatch.undo()
        collections.reload()


@pytest.mark.parametrize(
    ("day", "flagged"),
    [("30/09/2026", ["B"]), ("29/09/2026", ["B", "C"]), ("01/10/2026", None)],
)
def test_as_at_runs_to_a_day_of_its_own_year(
    registered, tmp_path: Path, day: str, flagged: list[str] | None
) -> None:
    folder = _extract(tmp_path / "census")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", str(folder), "--as-at", day, "-o", str(report)])
    if flagged is None:
        assert isinstance(result.exception, UsageError)
        assert "01/10/2026 is not in the 2025-26 collection year (01/10/2025 to 30/09/2026)" in str(
            result.exception
        )
        return
    found = json.loads(report.read_text())
    assert (found["period_start"], found["period_end"]) == ("01/10/2025", day)
    assert sorted(f["child"] for f in found["findings"] if f["rule"] == "W1") == flagged
