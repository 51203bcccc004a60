"""Ctrl-C (or SIGTERM) at any moment ends the run with one line and exit code 130.

Imports nothing heavy, so that the program's entry point can install the handlers before the
seconds spent importing polars and the rules, where an interrupt would otherwise print a
traceback.
"""

import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

EXIT_INTERRUPTED = 130


class Interrupted(BaseException):
    """Raised where the run is. A BaseException, so that no `except Exception` swallows it, and
    not a KeyboardInterrupt, which typer would turn into a silent exit."""


def install() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, _frame: object) -> None:
    # Only the first signal counts: pressing Ctrl-C again must not break the clean-up (the
    # removal of a half-written temporary file) nor print more lines.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _quiet_abandoned_work()
    raise Interrupted(signum)


def _quiet_abandoned_work() -> None:
    # Work cut short is cleaned up as the exception unwinds: openpyxl's half-written sheets, for
    # one, complain from their finalisers ("Exception ignored in: <generator ...>"), a traceback
    # each. After an interrupt that is noise, not news.
    sys.unraisablehook = lambda _unraisable: None


def stop(written: Sequence[Path]) -> NoReturn:
    """Say, in one line, what was written before the interrupt; then exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _quiet_abandoned_work()
    if written:
        files = ", ".join(str(path) for path in written)
        line = f"interrupted: wrote {files} before stopping; nothing else was written"
    else:
        line = "interrupted: nothing was written"
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    finally:
        sys.exit(EXIT_INTERRUPTED)


def main() -> None:
    """The program's entry point: the handlers first, then the program."""
    install()
    try:
        from csc_validate.cli.app import main as run
    except (Interrupted, KeyboardInterrupt):
        stop([])
    run()
