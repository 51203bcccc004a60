"""Rules that need reference data: run with --la and --ofsted, listed as not run without."""

import json
from pathlib import Path

import polars as pl

from csc_validate.check import check
from tests.cli.test_cli import run
from tests.reference.ofsted_lists import combined_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "ssda903"
LA_RULES = {"164", "169", "179", "218", "243", "392a", "392c", "406", "411", "420", "452", "453"}
OFSTED_RULES = {"219", "221", "224", "227", "228", "229", "241", "1008"}


def _example_ofsted_list(path: Path) -> Path:
    """An Ofsted list holding half of the example return's URNs, in the combined layout."""
    episodes = pl.read_csv(EXAMPLES / "2025-26" / "episodes.csv", infer_schema=False)
    urns = sorted(set(episodes["URN"].drop_nulls()) - {"XXXXXXX"})
    providers = [[urn, "", "Leeds", "K2", "PR1", None, "LS1 1AA"] for urn in urns[::2]]
    return combined_workbook(path, providers, supported=[])


def test_with_la_and_ofsted_every_rule_runs_on_the_examples(tmp_path: Path) -> None:
    ofsted = _example_ofsted_list(tmp_path / "ofsted.xlsx")
    without = check([EXAMPLES / "2025-26"], [EXAMPLES / "2024-25"])
    report = check([EXAMPLES / "2025-26"], [EXAMPLES / "2024-25"], la="384", ofsted=[ofsted])
    assert not report.crashes and not report.skipped
    assert report.rules_run == without.rules_run + len(without.skipped)
    assert {f.rule for f in report.findings} & (LA_RULES | OFSTED_RULES)
    # The findings of the rules that ran before are unchanged.
    before = {(f.rule, f.table, f.row) for f in without.findings}
    after = {
        (f.rule, f.table, f.row) for f in report.findings if f.rule not in LA_RULES | OFSTED_RULES
    }
    assert before <= after


def test_without_la_the_rules_are_listed_once_as_not_run() -> None:
    result = run("check", str(EXAMPLES / "2025-26"), "--limit", "1")
    assert result.returncode == 1, result.stderr
    assert "not run: 17 rules need --la (164, 169, 179" in " ".join(result.stdout.split())
    assert result.stdout.count("392c") == 1


def test_a_council_code_that_is_not_one_is_exit_2() -> None:
    result = run("check", str(EXAMPLES / "2025-26"), "--la", "E10000006")
    assert result.returncode == 2
    assert "Cumberland" in result.stderr and "Traceback" not in result.stderr


def test_the_council_can_come_from_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "csc-validate.toml").write_text('la = "384"\n', encoding="utf-8")
    result = run("check", str(EXAMPLES / "2025-26"), "--select", "392c", "-f", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report["skipped"] == [] and report["rules_run"] == 1


def test_reference_rules_can_be_ignored_explained_and_listed() -> None:
    assert run("check", str(EXAMPLES / "2025-26"), "--ignore", "164", "-q").returncode == 1
    explained = run("explain", "164")
    assert explained.returncode == 0 and "Needs:    --la" in explained.stdout
    listed = json.loads(run("rules", "--year", "2025-26", "--format", "json").stdout)
    needs = {item["code"]: item["needs"] for item in listed}
    assert needs["164"] == ["--la"] and needs["229"] == ["--la", "--ofsted"]
    assert needs["1008"] == ["--ofsted"] and needs["101"] == []
