"""Every report format on the bundled examples, against golden files (UPDATE_GOLDEN=1 rewrites)."""

import csv
import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from csc_validate.check import check
from csc_validate.findings import Report
from csc_validate.reports import csv_report, json_report, terminal
from csc_validate.reports.cells import csv_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def report() -> Report:
    # Relative paths, as a user in the repository would type them.
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return check([Path("examples/ssda903/2025-26")], [Path("examples/ssda903/2024-25")])
    finally:
        os.chdir(cwd)


def _terminal(report: Report) -> str:
    console = Console(file=io.StringIO(), width=80, color_system=None, highlight=False)
    terminal.render(console, report, limit=0)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _csv_without_guidance(report: Report) -> str:
    # Guidance is the rules' docstrings, which are edited often; it is tested on its own below.
    return csv_report.render(report.model_copy(update={"rules": ()}))


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("examples.json", json_report.render),
        ("examples.csv", _csv_without_guidance),
        ("examples.txt", _terminal),
    ],
)
def test_report_matches_golden_file(report: Report, name: str, render) -> None:
    text = render(report)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_text(encoding="utf-8"), f"run with UPDATE_GOLDEN=1 to accept: {path}"


def test_terminal_lines_fit_in_80_columns(report: Report) -> None:
    assert max(len(line) for line in _terminal(report).splitlines()) <= 80


def test_terminal_never_cuts_a_rule_code(report: Report) -> None:
    long_codes = [
        summary.model_copy(update={"rule": f"SW12STG{n}"})
        for n, summary in enumerate(report.summary)
    ]
    narrow = report.model_copy(update={"summary": tuple(long_codes)})
    for width in (60, 80):
        console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
        terminal.render(console, narrow, limit=0)
        text = console.file.getvalue()  # type: ignore[attr-defined]
        assert all(f"SW12STG{n}" in text for n in range(len(long_codes)))
        assert "SW12S…" not in text
    assert "explain SW12STG0" in text


def test_by_child_groups_each_childs_findings_together(report: Report) -> None:
    console = Console(file=io.StringIO(), width=100, color_system=None, highlight=False)
    terminal.render(console, report, limit=50, by_child=True)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    children = sorted({f.child for f in report.findings if f.child})
    headings = [line.split(":")[0] for line in text.splitlines() if line.startswith("Child ")]
    assert headings == [f"Child {child}" for child in children]


def test_csv_guidance_is_each_rules_summary_and_explanation(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_report.render(report))))
    assert len(rows) == len(report.findings)
    for row in rows:
        info = report.rule_info(row["rule"])
        assert info is not None and info.summary
        assert row["guidance"] == csv_text(info.guidance)
