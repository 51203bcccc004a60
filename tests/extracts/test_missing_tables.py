"""A return without a table it requires is an incomplete check, unless --partial says so."""

from pathlib import Path

from csc_validate.check import check
from csc_validate.cli.check import exit_code
from csc_validate.pipeline.load import load
from csc_validate.severity import Severity
from tests.cli.test_cli import run


def test_a_return_without_reviews_and_social_worker_episodes_exits_2(this_year: Path) -> None:
    (this_year / "reviews.csv").unlink()
    (this_year / "sw_episodes.csv").unlink()
    result = run("check", str(this_year), "--quiet")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "the return has no Reviews or SWEpisodes table" in " ".join(result.stdout.split())
    assert "--partial" in result.stdout


def test_partial_checks_what_is_there_and_names_what_is_not(this_year: Path) -> None:
    (this_year / "reviews.csv").unlink()
    report = check([this_year], partial=True)
    assert report.missing_tables == ("Reviews",)
    assert exit_code(report, Severity.ERROR) == 1
    assert any(skipped.reason == "no Reviews table" for skipped in report.skipped)


def test_a_complete_return_is_not_partial(this_year: Path, last_year: Path) -> None:
    report = check([this_year], [last_year])
    assert report.missing_tables == ()
    assert not report.incomplete


def test_last_years_return_without_a_table_is_incomplete_too(
    this_year: Path, last_year: Path
) -> None:
    (last_year / "uasc.csv").unlink()
    report = check([this_year], [last_year])
    assert report.missing_tables == ("UASC_last",)
    assert exit_code(report, Severity.ERROR) == 2


def test_rules_skip_a_missing_table_however_they_read_it(this_year: Path) -> None:
    # Rule 392b reads the UASC tables as "no rows when absent", which holds in its test cases;
    # in a user's return an absent table is missing, and the rule is skipped like any other.
    (this_year / "uasc.csv").unlink()
    assert load([this_year]).missing == ("UASC",)
    report = check([this_year], select=["392b"], partial=True)
    assert [(s.rule, s.reason) for s in report.skipped] == [("392b", "no UASC table")]


def test_the_hint_for_last_year_follows_only_the_rules_that_compare_years(
    this_year: Path,
) -> None:
    (this_year / "oc2.csv").unlink()
    result = run("check", str(this_year), "--partial", "--limit", "0")
    skipped = result.stdout[result.stdout.index("Skipped") :]
    first, second = skipped.split("Skipped")[1:3]
    assert "no OC2 table" in first and "--previous" not in first
    assert "compare with last year" in second and "--previous" in second
