"""Start-up cost of csc-validate: wall time and the heavy packages each command imports.

Usage: python benchmarks/startup.py [--repeat 5]

Runs `--help`, `check` on the bundled SSDA903 CSV examples and `check` on the bundled CIN XML in
fresh interpreters, best of the repeats, and lists which heavy packages each imported with
their cumulative import time from `python -X importtime` (best run). Numbers go to standard
output only; on a shared machine take the best of several repeats. Bytecode is cached as an
installed copy's is (a warm-up run writes it), whatever PYTHONDONTWRITEBYTECODE says.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "polars",
    "numpy",
    "pandas",
    "openpyxl",
    "lxml.etree",
    "xmlschema",
    "holidays",
    "msoffcrypto",
    "pydantic",
    "rich",
    "typer",
)


def commands(out: Path) -> dict[str, list[str]]:
    ssda903 = ROOT / "examples" / "ssda903"
    return {
        "--help": ["--help"],
        "check SSDA903 CSV": [
            "check",
            str(ssda903 / "2025-26"),
            "--previous",
            str(ssda903 / "2024-25"),
            "-q",
            "-o",
            str(out / "ssda903.json"),
        ],
        "check CIN XML": [
            "check",
            str(ROOT / "examples" / "cin" / "cin-2025-26.xml"),
            "-q",
            "-o",
            str(out / "cin.json"),
        ],
    }


def _run(arguments: list[str], importtime: bool) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user and system: less disturbed by a busy machine) and the
    standard error of one run."""
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "csc_validate"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # As an installed copy runs: with its modules' (and rule modules') bytecode cached, which
    # pip writes at install; the first, warm-up run writes it here.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [*command, *arguments], capture_output=True, text=True, env=environment, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stderr


def _heavy(stderr: str) -> dict[str, float]:
    """Cumulative import time (ms) of each heavy package imported at the top level."""
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        if name.strip() in HEAVY:
            found[name.strip()] = max(found.get(name.strip(), 0.0), int(cumulative) / 1000)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for label, arguments in commands(Path(folder)).items():
            _run(arguments, importtime=False)
            runs = [_run(arguments, importtime=False) for _ in range(options.repeat)]
            traced = [_run(arguments, importtime=True)[2] for _ in range(options.repeat)]
            heavy = min((_heavy(stderr) for stderr in traced), key=lambda h: sum(h.values()))
            packages = ", ".join(f"{name} {ms:.0f}" for name, ms in sorted(heavy.items()))
            wall, cpu = min(run[0] for run in runs), min(run[1] for run in runs)
            print(f"{label:<20} best of {options.repeat}: {wall:5.2f} s wall, {cpu:5.2f} s CPU")
            print(f"{'':<20} imports (ms): {packages}")


if __name__ == "__main__":
    main()
