"""Every report format on the bundled examples, against golden files (UPDATE_GOLDEN=1 rewrites)."""

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from csc_validate.check import check
from csc_validate.findings import Report
from csc_validate.reports import csv_report, json_report, terminal

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


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("examples.json", json_report.render),
        ("examples.csv", csv_report.render),
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
