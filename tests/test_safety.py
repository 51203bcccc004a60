"""Nothing lost, nothing leaked: offline, inputs untouched, outputs whole and private."""

import ast
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from csc_validate.pipeline import check as check_module
from csc_validate.rulekit import RuleContext, rule
from tests.test_hostile_corpus import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ssda903" / "2025-26"
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "websocket",
    "websockets",
}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module":
            names |= {
                arg.value.split(".")[0]
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            }
    return names


def test_nothing_in_the_package_or_the_rules_can_open_a_connection() -> None:
    sources = [*(ROOT / "src" / "csc_validate").rglob("*.py"), *(ROOT / "rules").rglob("*.py")]
    assert sources
    offending = {
        str(path.relative_to(ROOT)): sorted(_imported_modules(path) & NETWORK_MODULES)
        for path in sources
        if _imported_modules(path) & NETWORK_MODULES
    }
    assert offending == {}


WRITING_CALLS = {"write_text", "write_bytes", "save", "touch", "mkstemp", "NamedTemporaryFile"}


def _writes(path: Path) -> list[str]:
    """Calls in the module that could write a file other than through atomic.py."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        through_atomic = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == (
            "atomic"
        )
        # Saving into an in-memory buffer writes no file; atomic.py then writes the bytes.
        in_memory = bool(node.args) and getattr(node.args[0], "id", "") == "buffer"
        if name in WRITING_CALLS and not through_atomic and not in_memory:
            found.append(f"{name}() on line {node.lineno}")
        if name in ("open", "fdopen"):
            # path.open(mode) and os.fdopen(fd, mode) / open(path, mode)
            position = 0 if isinstance(func, ast.Attribute) and name == "open" else 1
            arguments = [*node.args[position : position + 1]]
            arguments += [keyword.value for keyword in node.keywords if keyword.arg == "mode"]
            modes = [a.value for a in arguments if isinstance(a, ast.Constant)]
            if any(set(str(mode)) & set("wax+") for mode in modes):
                found.append(f"{name}({modes[0]!r}) on line {node.lineno}")
    return found


def test_every_file_is_written_through_atomic_and_inputs_are_opened_for_reading_only() -> None:
    package = ROOT / "src" / "csc_validate"
    writes = {
        str(path.relative_to(package)): _writes(path)
        for path in package.rglob("*.py")
        if path.name != "atomic.py" and _writes(path)
    }
    assert writes == {}


def test_the_suite_runs_with_sockets_blocked() -> None:
    with pytest.raises(OSError, match="offline"):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as raw, pytest.raises(OSError, match="offline"):
        raw.connect(("127.0.0.1", 9))


def _read_only_copy(folder: Path) -> dict[str, tuple[bytes, float]]:
    """Make the folder and its files read-only; return each file's bytes and modification time."""
    seen = {}
    for path in folder.iterdir():
        path.chmod(0o444)
        seen[path.name] = (path.read_bytes(), path.stat().st_mtime)
    folder.chmod(0o555)
    return seen


def test_inputs_are_read_only_and_left_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "return"
    inputs.mkdir()
    for path in EXAMPLE.iterdir():
        (inputs / path.name).write_bytes(path.read_bytes())
    before = _read_only_copy(inputs)
    reports = tmp_path / "reports"
    reports.mkdir()
    monkeypatch.chdir(tmp_path)
    try:
        code = run_cli(["return", "--format", "json", "--output", "reports/r.json"], monkeypatch)
        after = {path.name: (path.read_bytes(), path.stat().st_mtime) for path in inputs.iterdir()}
    finally:
        inputs.chmod(0o755)
    capsys.readouterr()
    assert code == 1
    assert after == before


def test_outputs_are_readable_by_their_owner_only_and_nothing_goes_to_the_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(temporary))
    monkeypatch.setattr("tempfile.tempdir", None)
    old = tmp_path / "old.csv"
    old.write_text("old report")
    old.chmod(0o644)
    for output_format, name in (("json", "r.json"), ("csv", "old.csv"), ("terminal", "r.txt")):
        arguments = [str(EXAMPLE), "--format", output_format, "--output", str(tmp_path / name)]
        assert run_cli(arguments, monkeypatch) == 1
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode == 0o600, f"{name}: {oct(mode)}"
    capsys.readouterr()
    assert list(temporary.iterdir()) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "old.csv",
        "r.json",
        "r.txt",
        "tmp",
    ]


@rule(code="CRASH", message="Always fails.", tables=["Episodes"])
def always_fails(ctx: RuleContext) -> pl.LazyFrame:
    """Refers to a column no table has, so polars raises when it runs."""
    return ctx.table("Episodes").filter(pl.col("NO_SUCH_COLUMN") == 1)


def test_a_rule_that_fails_is_an_entry_and_every_other_rule_and_output_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    resolve = check_module.resolve

    def with_a_failing_rule(*args: object, **kwargs: object) -> tuple[list, list]:
        rules, notes = resolve(*args, **kwargs)
        return [*rules, always_fails], notes

    monkeypatch.setattr(check_module, "resolve", with_a_failing_rule)
    report = tmp_path / "r.json"
    table = tmp_path / "r.csv"
    assert run_cli([str(EXAMPLE), "--format", "json", "--output", str(report)], monkeypatch) == 2
    assert run_cli([str(EXAMPLE), "--format", "csv", "--output", str(table)], monkeypatch) == 2
    out, err = capsys.readouterr()
    assert "internal error in rule CRASH on Episodes: ColumnNotFoundError" in out
    assert "1 failed (check incomplete)." in " ".join(out.split())
    assert "Traceback" not in out + err
    written = json.loads(report.read_text())
    assert [(c["rule"], c["table"]) for c in written["crashes"]] == [("CRASH", "Episodes")]
    assert written["findings"], "the other rules' findings are still reported"
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    assert any(row.startswith("CRASH,internal-error,Episodes,") for row in rows)
    assert len(rows) == len(written["findings"]) + 2


# The child process pauses inside the write, after the new report's bytes are in its temporary
# file and before the rename, so that the signal lands mid-write every time.
PAUSED_WRITE = """
import os, sys, time
from csc_validate import atomic

def paused(fd):
    print("writing", flush=True)
    time.sleep(60)

atomic.os.fsync = paused
from csc_validate.cli.app import main
sys.argv = ["csc-validate", "check", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    ("signum", "exit_code"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 130), (signal.SIGKILL, -signal.SIGKILL)],
    ids=["SIGINT", "SIGTERM", "SIGKILL"],
)
def test_a_run_stopped_while_writing_leaves_the_old_report_whole(
    tmp_path: Path, signum: int, exit_code: int
) -> None:
    target = tmp_path / "report.json"
    target.write_text("the old report")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSED_WRITE, str(EXAMPLE), "--format", "json", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        temporary = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temporary) == 1 and temporary[0].stat().st_size > 1000
        child.send_signal(signum)
        _, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == exit_code, err
    assert "Traceback" not in err
    assert target.read_text() == "the old report"
    left = sorted(p.name for p in tmp_path.iterdir())
    if signum == signal.SIGKILL:
        # Nothing can run after SIGKILL: a temporary file may stay beside the report, in the
        # folder the user chose, and never in its place.
        assert "report.json" in left and len(left) <= 2
    else:
        assert left == ["report.json"]


# A report of a few hundred thousand findings, tens of megabytes of JSON, written the usual way.
LARGE_REPORT = """
import sys
from pathlib import Path
from csc_validate.check import check
from csc_validate.reports import Format, write

report = check([Path(sys.argv[1])], year="2025-26")
large = report.model_copy(update={"findings": report.findings * 1500})
print("go", flush=True)
write(large, Format.JSON, Path(sys.argv[2]))
"""


def test_a_large_report_killed_at_any_moment_is_the_old_or_the_whole_new_one(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for delay in (0.0, 0.4):
        child = subprocess.Popen(
            [sys.executable, "-c", LARGE_REPORT, str(EXAMPLE), str(target)],
            stdout=subprocess.PIPE,
            env=environment,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == b"go\n"
        time.sleep(delay)
        child.kill()
        child.wait()
        content = target.read_bytes()
        if content != b"old":
            report = json.loads(content)
            assert report["findings"] and report["crashes"] == []


def test_redact_keeps_the_counts_and_takes_out_every_child_id_and_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, redacted = tmp_path / "plain.json", tmp_path / "redacted.json"
    assert run_cli([str(EXAMPLE), "--format", "json", "-o", str(plain)], monkeypatch) == 1
    capsys.readouterr()
    arguments = [str(EXAMPLE), "--format", "json", "-o", str(redacted), "--redact"]
    assert run_cli(arguments, monkeypatch) == 1
    out, _ = capsys.readouterr()
    before, after = json.loads(plain.read_text()), json.loads(redacted.read_text())
    assert after["summary"] == before["summary"]
    assert after["totals"] == before["totals"]
    text = redacted.read_text()
    children = {finding["child"] for finding in before["findings"] if finding["child"]}
    values = {
        value
        for finding in before["findings"]
        for value in finding["values"].values()
        if value and len(value) > 3
    }
    assert children and values
    leaked = {item for item in children | values if f'"{item}"' in text or f" {item}" in out}
    assert leaked == set()
    assert len({f["child"] for f in after["findings"] if f["child"]}) == len(children)
