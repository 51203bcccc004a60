"""Progress bars: drawn for a person at a terminal, silent when redirected or --quiet."""

import io
import subprocess
import sys

from rich.console import Console

from csc_validate.cli.progress import progress
from tests.conftest import episodes_csv, header_csv


def _drawn(quiet: bool, terminal: bool) -> str:
    console = Console(file=io.StringIO(), force_terminal=terminal, width=80)
    with progress(quiet, console) as stage:
        stage("read", 0)
        stage("check", 12)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_bars_are_drawn_on_a_terminal() -> None:
    assert "Checking 12 rules" in _drawn(quiet=False, terminal=True)


def test_quiet_or_redirected_draws_nothing() -> None:
    assert _drawn(quiet=True, terminal=True) == ""
    assert _drawn(quiet=False, terminal=False) == ""


def test_redirected_standard_error_holds_no_progress(extract) -> None:
    folder = extract({"h.csv": header_csv("1,F,01/01/2015,WBRI,,,"), "e.csv": episodes_csv()})
    result = subprocess.run(
        [sys.executable, "-m", "csc_validate", "check", str(folder), "-y", "2025-26"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
