"""Ctrl-C mid-run: one line saying what was written, exit code 130, no traceback, and every
report not yet written left as it was."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from csc_validate import interrupts

EXAMPLE = Path(__file__).parents[2] / "examples" / "ssda903" / "2025-26"

# The child process says "paused" and sleeps at a chosen moment, so the signal lands there
# every time: in the rules, or while writing the second of two reports.
PAUSING = """
import os, sys, time
from csc_validate import atomic, engine

where = sys.argv[1]
run_rules, fsync, writes = engine.run, os.fsync, []

def pause():
    print("paused", flush=True)
    time.sleep(60)

def rules_then_pause(*args, **kwargs):
    result = run_rules(*args, **kwargs)
    pause()
    return result

def fsync_pausing_at_second(fd):
    writes.append(fd)
    if len(writes) == 2:
        pause()
    fsync(fd)

if where == "rules":
    engine.run = rules_then_pause
else:
    atomic.os.fsync = fsync_pausing_at_second
from csc_validate.interrupts import main
sys.argv = ["csc-validate", "check", *sys.argv[2:]]
main()
"""


def _interrupt(where: str, signals: int, *args: str) -> tuple[int, str, str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSING, where, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "paused\n"
        for _ in range(signals):
            child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return child.returncode, out, err


def test_interrupted_while_checking_writes_nothing(tmp_path: Path) -> None:
    """Ctrl-C pressed three times (as people do) still gives one line."""
    report = tmp_path / "report.json"
    report.write_text("last week's report")
    code, out, err = _interrupt("rules", 3, str(EXAMPLE), "--partial", "-o", str(report))
    assert code == 130, err
    assert err == "interrupted: nothing was written\n"
    assert "Traceback" not in out
    assert report.read_text() == "last week's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_interrupted_between_reports_names_the_one_written(tmp_path: Path) -> None:
    first, second = tmp_path / "report.json", tmp_path / "errors.xlsx"
    second.write_text("last week's workbook")
    code, _, err = _interrupt(
        "write", 1, str(EXAMPLE), "--partial", "-o", str(first), "-o", str(second)
    )
    assert code == 130, err
    assert err.splitlines() == [
        f"Wrote {first}",
        f"interrupted: wrote {first} before stopping; nothing else was written",
    ]
    assert first.read_text().startswith("{")
    assert second.read_text() == "last week's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.xlsx", "report.json"]


def test_work_abandoned_after_an_interrupt_prints_no_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Half-written workbooks complain from their finalisers (one traceback each) as the
    interrupt unwinds; after an interrupt those are silenced."""
    monkeypatch.setattr(interrupts.signal, "signal", lambda *_: None)
    complaints: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", complaints.append)
    with pytest.raises(interrupts.Interrupted):
        interrupts._interrupt(signal.SIGINT, None)

    def half_written():
        try:
            yield 1
        finally:
            raise ValueError("inconsistent exit action in context manager")

    generator = half_written()
    next(generator)
    del generator
    assert complaints == []
