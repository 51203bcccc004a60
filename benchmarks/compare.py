"""csc-validate beside both peer validators: wall time, ratio and peak memory, in one table.

Usage: python benchmarks/compare.py [--corpora ssda903-80000 ssda903-6000 cin-6000 cin-60000]
           [--year 2025-26] [--seed 1] [--error-rate 0.05] [--repeat 1] [--startup] [--keep DIR]

Writes each corpus with `csc-validate example-data` (SSDA903 with last year's return too), then
runs each validator on it in a process of its own, as a user would: csc-validate's command line
(`check ... --previous ... --la`), and each peer (csc-validator-be-903 / csc-validator-be-cin,
installed from PyPI into a virtual environment of its own, as the differentials do) through its
own entry point (benchmarks/compare_peer.py). Both are told the council, so the postcode rules
run on both sides. Time is wall-clock, start-up included; peak memory is each process's own
maximum resident set (Linux and macOS). With --repeat N the best of N runs is shown.

`--startup` also times `python -m csc_validate --help` and lists the slowest imports
(`python -X importtime`): what a 6,000-child check pays before it reads a file.

The machine is shared: run it once, niced, and read the ratios rather than the seconds.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from peers import peer_python

from csc_validate.collections.ssda903.synthetic import geography
from csc_validate.periods import previous_year

PEER_RUNNER = Path(__file__).with_name("compare_peer.py")
PEERS = {"ssda903": "csc-validator-be-903", "cin": "csc-validator-be-cin"}
COUNCIL = geography.COUNCIL
# Issue 19's goals: how many times faster than the peer, and the memory ceiling.
GOALS = {
    "ssda903-80000": (30, 1024),
    "ssda903-6000": (10, None),
    "cin-6000": (40, None),
    "cin-60000": (100, 1024),
}


@dataclass
class Run:
    wall: float
    peak_mib: float
    status: int
    said: str


def measured(command: list[str], limit: float | None = None) -> Run:
    """One process: its wall time, its own peak memory, exit status and last line of output.
    A process still running after `limit` seconds is stopped, and its time is a lower bound."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    timer = threading.Timer(limit, process.kill) if limit else None
    if timer:
        timer.start()
    output = process.stdout.read() if process.stdout else ""
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in KiB on Linux, bytes on macOS.
        peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    else:
        process.wait()
        peak = float("nan")
    wall = time.perf_counter() - start
    if timer:
        timer.cancel()
    lines = output.strip().splitlines()
    said = lines[-1] if lines else ""
    if limit and wall >= limit:
        said = f"stopped after {limit:.0f} s"
    return Run(wall, peak, process.returncode, said)


def best(command: list[str], repeat: int, limit: float | None = None) -> Run:
    runs = [measured(command, limit) for _ in range(repeat)]
    return min(runs, key=lambda run: run.wall)


def generate(collection: str, children: int, year: str, seed: int, rate: float, out: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "csc_validate",
            "example-data",
            collection,
            *("--children", str(children), "--year", year, "--seed", str(seed)),
            *("--error-rate", str(rate), "--out", str(out)),
        ],
        check=True,
        capture_output=True,
    )


def commands(collection: str, year: str, where: Path, peer: Path) -> tuple[list, list]:
    """Our command line and the peer's, for a corpus written at `where`."""
    ours = [sys.executable, "-m", "csc_validate", "check", "-q", "--fail-on", "never"]
    if collection == "ssda903":
        current, previous = where / year, where / previous_year(year)
        ours += [str(current), "--previous", str(previous), "--year", year, "--la", COUNCIL]
        theirs = [str(peer), str(PEER_RUNNER), "ssda903", year, COUNCIL, str(current)]
        return ours, [*theirs, str(previous)]
    ours += [str(where), "--year", year]
    return ours, [str(peer), str(PEER_RUNNER), "cin", year, "-", str(where)]


def startup(repeat: int) -> None:
    help_run = best([sys.executable, "-m", "csc_validate", "--help"], max(repeat, 3))
    print(f"\nstart-up: `python -m csc_validate --help` {help_run.wall:.2f} s (best of runs)")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "csc_validate", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    # "import time: self [us] | cumulative | imported package", one line per module.
    timings = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            timings.append((int(match.group(2)), len(match.group(3)), match.group(4)))
    top_level = sorted((t for t in timings if t[1] <= 3), reverse=True)[:12]
    print("slowest imports at start-up (cumulative ms, nesting, module):")
    for cumulative, depth, module in top_level:
        print(f"  {cumulative / 1000:8.1f}  {depth // 2}  {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Any COLLECTION-CHILDREN, such as cin-300 for a quick try; the goals are for the four.
    parser.add_argument("--corpora", nargs="+", default=list(GOALS))
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--error-rate", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--startup", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the generated corpora here")
    parser.add_argument(
        "--peer-limit", type=float, default=1800, help="stop a peer run after this many seconds"
    )
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        for corpus in args.corpora:
            collection, children = corpus.split("-")
            where = work / corpus
            if collection == "cin":
                where = where / f"cin-{args.year}.xml"
            if not where.exists():
                where.parent.mkdir(parents=True, exist_ok=True)
                generate(collection, int(children), args.year, args.seed, args.error_rate, where)
            peer = peer_python(PEERS[collection])
            ours_command, peer_command = commands(collection, args.year, where, peer)
            ours = best(ours_command, args.repeat)
            theirs = best(peer_command, args.repeat, args.peer_limit)
            rows.append((corpus, ours, theirs))
            print(
                f"{corpus}: ours {ours.wall:.1f} s {ours.peak_mib:.0f} MiB, exit {ours.status}"
                f" ({ours.said}); peer {theirs.wall:.1f} s {theirs.peak_mib:.0f} MiB,"
                f" exit {theirs.status} ({theirs.said})",
                flush=True,
            )

    print("\n| corpus | csc-validate | peer | ratio | goal | peak memory (ours / peer) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for corpus, ours, theirs in rows:
        ratio, ceiling = GOALS.get(corpus, (None, None))
        goal = "none"
        if ratio is not None:
            met = theirs.wall / ours.wall >= ratio and (ceiling is None or ours.peak_mib < ceiling)
            limit = f", < {ceiling} MiB" if ceiling else ""
            goal = f"≥ {ratio}×{limit}: {'met' if met else 'not met'}"
        failed = [name for name, run in (("ours", ours), ("peer", theirs)) if run.status > 1]
        if theirs.said.startswith("stopped"):
            failed = []
            goal += f" (the peer was stopped: ratio > {theirs.wall / ours.wall:.0f}×)"
        if failed:
            goal += f" ({' and '.join(failed)} failed: not comparable)"
        print(
            f"| {corpus} | {ours.wall:.1f} s | {theirs.wall:.1f} s |"
            f" {theirs.wall / ours.wall:.1f}× | {goal} |"
            f" {ours.peak_mib:.0f} / {theirs.peak_mib:.0f} MiB |"
        )
    if args.startup:
        startup(args.repeat)


if __name__ == "__main__":
    main()
