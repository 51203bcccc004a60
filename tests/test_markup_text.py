"""Text that is data is printed as written: never read as rich markup (`[/]`, `[n/a]`,
`[bold]`) or emoji codes (`:warning:`), and never a crash, wherever the terminal shows it."""

import csv
import io
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from csc_validate.cli.app import main
from csc_validate.cli.diff import render as render_diff
from csc_validate.diff import ReportDiff
from csc_validate.findings import Finding, InputSummary, Report, RuleCrash, RuleSummary, SkippedRule
from csc_validate.readers.sheets import normalise_header
from csc_validate.reports.terminal import render
from csc_validate.severity import Severity
from tests.conftest import EPISODE_COLUMNS, HEADER_COLUMNS

MARKUP_LIKE = [
    "[/]",
    "[n/a]",
    "[bold]",
    "[/bold]",
    "[red",
    "]",
    "\\",
    "\\[",
    ":warning:",
    "[link=x]",
]
# Printable text: rich drops control characters, which a terminal could not show anyway.
PRINTABLE = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp", "Mn", "Me")
)
PIECES = st.one_of(st.sampled_from(MARKUP_LIKE), st.text(PRINTABLE, min_size=1, max_size=4))
DATA = (
    st.lists(PIECES, min_size=1, max_size=4)
    .map("".join)
    .map(lambda text: re.sub(r"\s+", " ", text).strip())
    .filter(bool)
)


def _shown(console: Console) -> str:
    """What a person reads: the text without the tables' borders and padding."""
    return re.sub(r"\s+", " ", console.export_text())


def _console() -> Console:
    # Wide enough that no value is folded over two lines.
    return Console(record=True, width=2000, highlight=False, emoji=False, file=io.StringIO())


def _report(text: str) -> Report:
    finding = Finding(
        rule=text,
        severity=Severity.ERROR,
        message=text,
        table=text,
        row=0,
        line=2,
        child=text,
        fields=(text,),
        values={text: text},
        file=text,
        detail=text,
    )
    return Report(
        version="0",
        collection="ssda903",
        year="2025-26",
        period_start="01/04/2025",
        period_end="31/03/2026",
        year_source=text,
        inputs=(InputSummary(file=text, sha256="0", tables=(text,), previous=False),),
        table_rows={text: 1},
        selected=(),
        ignored=(),
        rules_run=1,
        totals={"error": 1, "query": 0},
        summary=(
            RuleSummary(
                rule=text, severity=Severity.ERROR, message=text, table=text, count=1, children=1
            ),
        ),
        findings=(finding,),
        skipped=(SkippedRule(rule=text, reason=text),),
        crashes=(RuleCrash(rule=text, table=text, error=text),),
        notes=(text,),
        missing_tables=(text,),
        partial=True,
        rules=(),
    )


@settings(max_examples=40)
@given(text=DATA, by_child=st.booleans())
def test_every_place_of_the_terminal_report_shows_data_as_written(
    text: str, by_child: bool
) -> None:
    console = _console()
    render(console, _report(text), by_child=by_child, workbook=text)
    shown = _shown(console)
    # Each place: heading, year, rows, summary, the finding's child and values, notes, skipped
    # rules, the failed rule and the next step; each must hold the text as written.
    assert shown.count(text) >= 10, (text, shown)
    assert f"{text}={text} {text}" in shown


@settings(max_examples=20)
@given(text=DATA)
def test_diff_shows_rule_codes_and_years_as_written(text: str) -> None:
    finding = _report(text).findings[0]
    result = ReportDiff(
        collection="ssda903",
        old_year=text,
        new_year="2025-26",
        fixed=(finding,),
        new=(),
        still_open=(),
    )
    console = _console()
    render_diff(console, result)
    shown = _shown(console)
    assert f" {text} 1 0 0" in shown and f"({text} report against 2025-26)" in shown


@settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=DATA)
def test_a_return_holding_markup_is_checked_and_shown_as_written(
    text: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The same text as a file name, a column name, the child's id, a value and a team name."""
    folder = tmp_path_factory.mktemp("extract")
    file_name = text.replace("/", "_").replace("\\", "_") + ".csv"
    if file_name.startswith((".", "~$")):
        file_name = "x" + file_name
    column = f"Extra {text}"
    (folder / file_name).write_text(
        _csv([*HEADER_COLUMNS.split(","), column], [text, "F", "01/01/2015", text, "", "", "", "x"])
    )
    (folder / "e.csv").write_text(
        _csv(EPISODE_COLUMNS.split(","), [text, "01/05/2025", "S", "C2", "N1", "U1", "PR1"])
    )
    lookup = folder.parent / f"{folder.name}-teams.csv"
    lookup.write_text(_csv(["CHILD", "TEAM"], [text, text]))
    workbook = folder.parent / f"{folder.name}.xlsx"
    monkeypatch.setattr(
        sys,
        "argv",
        [
            "csc-validate",
            "check",
            str(folder),
            "--partial",
            "--select",
            "103",
            "-o",
            str(workbook),
            "--by",
            "child",
            "--split-by",
            f"{lookup}:TEAM",
        ],
    )
    with pytest.raises(SystemExit) as stopped:
        main()
    out, err = capsys.readouterr()
    assert stopped.value.code == 1, err
    shown = re.sub(r"\s+", " ", out + err)
    assert f"ETHNIC={text}" in shown
    assert f"Child {text}: 1 finding " in shown
    assert file_name in shown
    assert normalise_header(column) in shown.upper() or normalise_header(column) in shown
    assert f"({text}: 1 child with findings)" in shown


def _csv(columns: list[str], row: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerow(row + [""] * (len(columns) - len(row)))
    return buffer.getvalue()


def test_the_issue_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """[/] in a value and [n/a] in a column name, as in the issue."""
    (tmp_path / "h.csv").write_text(
        _csv([*HEADER_COLUMNS.split(","), "[n/a]"], ["1", "F", "01/01/2015", "[/]", "", "", "", ""])
    )
    (tmp_path / "e.csv").write_text(
        _csv(EPISODE_COLUMNS.split(","), ["1", "01/05/2025", "S", "C2", "N1", "U1", "PR1"])
    )
    monkeypatch.setattr(
        sys, "argv", ["csc-validate", "check", str(tmp_path), "--partial", "--select", "103"]
    )
    with pytest.raises(SystemExit) as stopped:
        main()
    out, err = capsys.readouterr()
    assert stopped.value.code == 1, err
    assert "ETHNIC=[/]" in out and "[N/A]" in out.upper()


@settings(max_examples=20)
@given(text=DATA)
def test_trend_shows_team_rule_and_run_names_as_written(text: str) -> None:
    from csc_validate.cli.trend import render as render_trend
    from csc_validate.trend import Run, build

    report = _report(text)
    trend = build([Run(text, report), Run("later", report)], {text: text})
    console = _console()
    render_trend(console, trend)
    shown = _shown(console)
    assert f" {text} 1 1 " in shown  # the team's row, and the rule's and table's
    assert f" {text} 1 0 " in shown  # the first run's row: errors, queries
