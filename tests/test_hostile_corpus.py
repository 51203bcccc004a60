"""Every case of the bad-input corpus gives its exit code and its one line, and no traceback."""

import re
import sys
from pathlib import Path

import pytest

from csc_validate.cli.app import main
from tests.hostile_corpus import CASES, Hostile


def run_cli(arguments: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """The CLI as `csc-validate` runs it, in this process: exit code of main()."""
    monkeypatch.setattr(sys, "argv", ["csc-validate", "check", *arguments])
    try:
        main()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    return 0


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(
    case: Hostile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CSC_VALIDATE_DEBUG", raising=False)
    arguments = case.build(tmp_path)
    code = run_cli(arguments, monkeypatch)
    out, err = capsys.readouterr()
    shown = f"\n--- stdout ---\n{out[-3000:]}\n--- stderr ---\n{err[-3000:]}"
    assert "Traceback" not in out + err, shown
    assert "internal error" not in out + err, shown
    assert code == case.exit_code, shown
    lines = (out if case.stream == "stdout" else err).splitlines()
    assert any(re.fullmatch(case.line, line.lstrip("\ufeff")) for line in lines), (
        f"no line matches {case.line!r}{shown}"
    )
    if case.exit_code == 2:
        errors = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, shown
