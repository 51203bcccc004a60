"""Provisional rules (read without DfE's own text) say so, with the reason, wherever rules show."""

import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner, Result

from csc_validate import packs
from csc_validate.check import check
from csc_validate.cli.app import app
from csc_validate.errors import RuleDefinitionError
from csc_validate.findings import Report
from csc_validate.reports import csv_report, excel, html, json_report, terminal
from csc_validate.reports.options import Options
from csc_validate.resources import data_dir

SW_EPISODES = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1,01/01/2015,SW1,01/05/2025,,MANAGE\n"


def run(*args: str) -> Result:
    # In process: a subprocess per command would cost seconds of start-up each.
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_a_rule_is_provisional_from_the_year_its_pack_says_and_not_before() -> None:
    assert packs.load("ssda903", "2024-25").rules["SW10STG2"].provisional == ""
    for year in ("2025-26", "2026-27"):
        assert "SW10aSTG2" in packs.load("ssda903", year).rules["SW10STG2"].provisional
    assert packs.load("cin", "2026-27").rules["9011"].provisional
    assert not packs.load("cin", "2025-26").rules["8500"].provisional
    assert not packs.load("ssda903", "2025-26").rules["SW10aSTG2"].provisional


def test_every_rule_whose_module_says_dfe_text_was_missing_is_provisional() -> None:
    # A developer note that DfE's text could not be read or found, or that the reading was
    # inferred from unreleased work, is what makes a rule provisional: in its first year, or
    # from the later year whose change (a year parameter, in the one module) the note is about.
    missing = re.compile(r"could not be (read|found)|inferred from (an )?unreleased", re.I)
    standing: dict[tuple[str, Path], list[bool]] = {}
    for collection in packs.collections():
        for year in packs.years(collection):
            for rule in packs.load(collection, year, builtins=False).rules.values():
                if rule.source is not None:
                    standing.setdefault((collection, rule.source), []).append(
                        bool(rule.provisional)
                    )
    for (collection, source), provisional in standing.items():
        if missing.search(source.read_text(encoding="utf-8")):
            assert any(provisional), f"{collection} {source.name}"


def test_a_pack_cannot_mark_a_rule_it_does_not_have(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "rules"
    base = root / "ssda903" / "2023-24"
    base.mkdir(parents=True)
    (base / "pack.toml").write_text(
        'collection = "ssda903"\nyear = "2023-24"\n[provisional]\n"999" = "no such rule"\n'
    )
    monkeypatch.setattr(
        packs, "collection_dir", lambda name, collection: tmp_path / name / collection
    )
    packs.load.cache_clear()
    try:
        with pytest.raises(RuleDefinitionError, match=r"\[provisional\]"):
            packs.load("ssda903", "2023-24", builtins=False)
    finally:
        packs.load.cache_clear()


def test_each_provisional_table_gives_a_reason_for_a_rule_of_its_pack() -> None:
    for manifest in data_dir("rules").glob("*/*/pack.toml"):
        marked = tomllib.loads(manifest.read_text(encoding="utf-8")).get("provisional", {})
        rules = packs.load(manifest.parent.parent.name, manifest.parent.name).rules
        for code, reason in marked.items():
            assert code in rules and reason.strip(), f"{manifest}: {code}"


def test_rules_and_explain_say_provisional_with_the_reason() -> None:
    listed = run("rules", "--collection", "ssda903", "--year", "2025-26", "--format", "json")
    rules = {rule["code"]: rule for rule in json.loads(listed.stdout)}
    assert "2025-26" in rules["SW02STG1"]["provisional"]
    assert rules["101"]["provisional"] == ""
    table = run("rules", "--collection", "ssda903", "--year", "2025-26")
    assert "DfE, provisional" in table.stdout and "Provisional: SW02STG1." in table.stdout
    explained = run("explain", "SW02STG1", "--year", "2025-26")
    assert "Standing: provisional in 2025-26, 2026-27." in explained.stdout
    earlier = run("explain", "SW02STG1", "--year", "2024-25")
    assert "Standing: provisional in 2025-26, 2026-27\n" in earlier.stdout
    assert "Standing" not in run("explain", "101").stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    folder = tmp_path_factory.mktemp("extract")
    (folder / "sw_episodes.csv").write_text(SW_EPISODES)
    return check([folder], year="2025-26", select=["SW02STG1", "SW09STG2"], partial=True)


def test_every_report_marks_a_provisional_rule(report: Report, tmp_path: Path) -> None:
    assert [f.rule for f in report.findings] == ["SW02STG1"]
    reason = packs.load("ssda903", "2025-26").rules["SW02STG1"].provisional
    console = Console(file=io.StringIO(), width=80, color_system=None, highlight=False)
    terminal.render(console, report)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "SW02STG1*" in shown and "* SW02STG1 is provisional:" in shown
    as_json = json.loads(json_report.render(report))
    standing = {info["rule"]: info.get("provisional") for info in as_json["rules"]}
    assert standing == {"SW02STG1": reason, "SW09STG2": None}
    assert f"Provisional: {reason}" in csv_report.render(report)
    excel.write(report, tmp_path / "r.xlsx", Options())
    summary = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    cells = {cell.value for row in summary.iter_rows() for cell in row}
    assert "SW02STG1 provisional" in cells
    html.write(report, tmp_path / "r.html", Options())
    assert "SW02STG1 provisional" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_rule_read_from_dfe_text_is_not_marked(report: Report) -> None:
    console = Console(file=io.StringIO(), width=80, color_system=None, highlight=False)
    terminal.render(console, report.model_copy(update={"rules": ()}))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "SW02STG1*" not in shown and "provisional" not in shown


def test_no_rule_message_carries_another_validators_note() -> None:
    # DfE's message is shown verbatim; the peers append their own caveats ("[NOTE: This tool can
    # only test ...]"), which speak of another program and are left out.
    for collection in packs.collections():
        for year in packs.years(collection):
            for rule in packs.load(collection, year).rules.values():
                assert not re.search(r"\bNOTE\b|\btool\b", rule.message), (year, rule.code)
