"""Compare csc-validate's SSDA903 findings with the peer validator's, rule by rule.

Usage: python benchmarks/differential_903.py [--years 2024-25 2025-26 2026-27] [--children 2000]
           [--error-rate 0.1] [--seed 1] [--venv PATH] [--keep DIR] [--show RULE ...]

Installs the peer (csc-validator-be-903, from PyPI) into its own virtual environment (made once,
then reused), writes a synthetic return and last year's for each year with
`csc-validate example-data`, checks it with both validators, and prints per rule and year the rows
both flag (agree), the rows only the peer flags and the rows only csc-validate flags. A row is a
(table, 0-based row) pair. `--show` lists the differing rows of the named rules with their child.

A difference is not always ours to fix: where DfE's wording and the peer differ, DfE decides, and
the rule's module says why in a `# NOTE:` comment. The synthetic postcodes and provider numbers are
not real, so the peer's postcode and Ofsted lookups flag them; csc-validate runs no such lookup
without the reference files.
"""

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import venv
from collections import defaultdict
from pathlib import Path

from csc_validate import packs
from csc_validate.collections.ssda903.synthetic.returns import FILE_NAMES
from csc_validate.findings import code_key
from csc_validate.periods import previous_year

PEER_PACKAGE = "csc-validator-be-903"
PEER_RUNNER = Path(__file__).with_name("differential_903_peer.py")
DEFAULT_VENV = Path(tempfile.gettempdir()) / "csc-validate-peer-903-venv"
# The council both validators are told the return is from (differential_903_peer.py uses it too).
PEER_COUNCIL = "E09000027"

Row = tuple[str, int | None]


def peer_python(venv_dir: Path) -> Path:
    """The peer's interpreter, installing the peer first if its environment is not there yet."""
    python = venv_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        print(f"installing {PEER_PACKAGE} into {venv_dir} ...", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", PEER_PACKAGE],
            check=True,
        )
    return python


def peer_version(python: Path) -> str:
    show = subprocess.run(
        [str(python), "-m", "pip", "show", PEER_PACKAGE], capture_output=True, text=True
    )
    for line in show.stdout.splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def generate(folder: Path, year: str, children: int, error_rate: float, seed: int) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "csc_validate",
            "example-data",
            "ssda903",
            "--year",
            year,
            "--children",
            str(children),
            "--error-rate",
            str(error_rate),
            "--seed",
            str(seed),
            "--out",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )


def run_ours(
    current: Path, previous: Path, year: str, out: Path
) -> tuple[dict[str, set[Row]], dict[str, str]]:
    """csc-validate's flagged rows per rule, and the rules it did not run with the reason."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "csc_validate",
            "check",
            str(current),
            "--previous",
            str(previous),
            "--year",
            year,
            "--format",
            "json",
            "--output",
            str(out),
            "--fail-on",
            "never",
            "--la",
            PEER_COUNCIL,
        ],
        check=True,
        capture_output=True,
    )
    report = json.loads(out.read_text())
    if report["crashes"]:
        print(f"{year}: csc-validate rules crashed: {report['crashes']}", file=sys.stderr)
    flagged: dict[str, set[Row]] = defaultdict(set)
    for finding in report["findings"]:
        flagged[finding["rule"]].add((finding["table"], finding["row"]))
    return flagged, {entry["rule"]: entry["reason"] for entry in report["skipped"]}


def run_peer(python: Path, current: Path, previous: Path, year: str, out: Path) -> dict:
    done = subprocess.run(
        [str(python), str(PEER_RUNNER), str(current), str(previous), year, str(out)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"the peer failed on {year}:\n{done.stderr[-2000:]}")
    return json.loads(out.read_text())


def compare(
    our_codes: set[str], ours: dict[str, set[Row]], not_run: dict[str, str], peer: dict
) -> dict[str, dict]:
    """Per rule of our pack: agree, only peer and only us rows, or why there is no comparison."""
    peer_codes = set(peer["rules"])
    result = {}
    for code in our_codes:
        mine = ours.get(code, set())
        if code in not_run:
            result[code] = {"status": f"not run by us: {not_run[code]}", "only_us": []}
            continue
        if code not in peer_codes:
            result[code] = {"status": "not in the peer's pack", "only_us": sorted(mine)}
            continue
        if code in peer["crashed"]:
            result[code] = {
                "status": f"peer crashed: {peer['crashed'][code]}",
                "only_us": sorted(mine),
            }
            continue
        theirs = {(table, row) for table, row in peer["flagged"].get(code, [])}
        if code in peer["retried"]:
            # The peer ran this rule again without the children it cannot date.
            mine = mine - {(table, row) for table, row in peer["left_out_when_retried"]}
        result[code] = {
            "agree": sorted(mine & theirs, key=_row_key),
            "only_peer": sorted(theirs - mine, key=_row_key),
            "only_us": sorted(mine - theirs, key=_row_key),
        }
    return result


def _row_key(row: Row) -> tuple[str, int]:
    return (row[0], -1 if row[1] is None else row[1])


def child_of(folder: Path, row: Row) -> str:
    """The CHILD of a (table, row) in the generated CSV, to look the child up by hand."""
    table, index = row
    name = FILE_NAMES.get(table.removesuffix("_last"))
    if name is None or index is None:
        return "?"
    with (folder / name).open(newline="") as handle:
        for position, record in enumerate(csv.DictReader(handle)):
            if position == index:
                return record["CHILD"]
    return "?"


def print_table(years: list[str], results: dict[str, dict[str, dict]]) -> None:
    """One line per rule that either side flagged in some year, or that the peer cannot run."""
    codes = sorted({code for year in years for code in results[year]}, key=code_key)
    width = 16
    print("agree / only peer / only us (rows); 'crash N': the peer crashed, we flag N rows;")
    print("'absent N': not in the peer's pack; '-': not in our pack that year;")
    print("'not run': we skip the rule (it needs reference data the synthetic return lacks)")
    print(f"{'rule':<10}" + "".join(f"{year:>{width}}" for year in years) + "  differs")
    silent = 0
    for code in codes:
        cells, differs, flagged = [], False, False
        for year in years:
            counts = results[year].get(code)
            if counts is None:
                cells.append("-")
            elif "status" in counts:
                status = counts["status"]
                if status.startswith("not run by us"):
                    cells.append("not run")
                    continue
                word = "crash" if status.startswith("peer crashed") else "absent"
                cells.append(f"{word} {len(counts['only_us'])}")
                differs = differs or word == "crash" or bool(counts["only_us"])
                flagged = flagged or word == "crash" or bool(counts["only_us"])
            else:
                agree, peer, us = (len(counts[k]) for k in ("agree", "only_peer", "only_us"))
                differs = differs or bool(peer or us)
                flagged = flagged or bool(agree or peer or us)
                cells.append(f"{agree}/{peer}/{us}")
        if not flagged:
            silent += 1
            continue
        print(f"{code:<10}" + "".join(f"{cell:>{width}}" for cell in cells) + "  *" * differs)
    print(f"{silent} more rules: nothing flagged by either side in any year")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", nargs="+", default=["2024-25", "2025-26", "2026-27"])
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--error-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="the peer's environment")
    parser.add_argument("--keep", type=Path, help="keep the returns and both reports here")
    parser.add_argument("--show", nargs="*", default=[], help="list differing rows of these rules")
    args = parser.parse_args()

    python = peer_python(args.venv)
    print(
        f"peer: {PEER_PACKAGE} {peer_version(python)}; {args.children} children a year, "
        f"error rate {args.error_rate}, seed {args.seed}"
    )
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        for year in args.years:
            folder = work / year
            generate(folder, year, args.children, args.error_rate, args.seed)
            current, previous = folder / year, folder / previous_year(year)
            ours, not_run = run_ours(current, previous, year, folder / "ours.json")
            peer = run_peer(python, current, previous, year, folder / "peer.json")
            our_codes = set(packs.load("ssda903", year).rules)
            results[year] = compare(our_codes, ours, not_run, peer)
            peer_codes = set(peer["rules"])
            print(f"\n{year}: {len(our_codes)} rules ours, {len(peer_codes)} the peer's")
            print(f"  only in our pack: {' '.join(sorted(our_codes - peer_codes, key=code_key))}")
            print(f"  only in the peer's: {' '.join(sorted(peer_codes - our_codes, key=code_key))}")
            for code, reason in peer["crashed"].items():
                print(f"  peer crashed on {code}: {reason}")
            if not_run:
                print(f"  not run by us: {' '.join(sorted(not_run, key=code_key))}")
            if peer["retried"]:
                print(
                    f"  peer rules run again without {len(peer['left_out_when_retried'])} rows of"
                    f" children with an unreadable DECOM: {' '.join(peer['retried'])}"
                )
            for code in args.show:
                counts = results[year].get(code, {})
                for side in ("only_peer", "only_us"):
                    for table, row in counts.get(side, []):
                        where = current if not table.endswith("_last") else previous
                        child = child_of(where, (table, row))
                        print(f"  {code} {side}: {table} row {row} (child {child})")
            (folder / "differences.json").write_text(json.dumps(results[year], indent=1))
        print()
        print_table(args.years, results)


if __name__ == "__main__":
    main()
