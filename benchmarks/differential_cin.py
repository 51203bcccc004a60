"""Compare csc-validate's CIN census findings with the CIN peer validator's, rule by rule.

Usage: python benchmarks/differential_cin.py [--years 2024-25 2025-26] [--children 2000]
           [--error-rate 0.1] [--seed 1] [--venv PATH] [--keep DIR] [--show RULE ...]
           [--markdown FILE]

Installs the peer (csc-validator-be-cin 0.1.13, from PyPI) into its own virtual environment (made
once, then reused), writes a synthetic census for each year with `csc-validate example-data cin`,
checks it with both validators, and prints per rule and year the children both flag (agree), the
children only the peer flags and those only csc-validate flags.

Children, not rows, are compared: the peer names every record a finding involves, in each of the
tables involved, where csc-validate names the record holding the field DfE's message names, so
rows would differ where the two agree. A finding about the whole census counts as the child
"<return>". `--show` lists the differing children of the named rules.

A difference is not always ours to fix: where DfE's wording and the peer differ, DfE decides, and
the rule's module says why in a `# NOTE:` comment. Such rules are listed in EXPLAINED and shown as
"explained"; the script stops if one of them has no NOTE in its module. Any other difference is
marked with "*" and is still to be resolved.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from peers import (
    check_explained,
    default_venv,
    differential_arguments,
    peer_python,
    peer_version,
    print_table,
    write_markdown,
)

from csc_validate import packs
from csc_validate.findings import code_key

PEER_PACKAGE = "csc-validator-be-cin"
PEER_RUNNER = Path(__file__).with_name("differential_cin_peer.py")
WHOLE_RETURN = "<return>"

# Rules whose remaining difference a `# NOTE:` in the rule's module explains (DfE's wording or a
# peer fault), with its gist; the module's NOTE says why DfE decides.
EXPLAINED = {
    "8565": "the peer tests plans against a hard-coded sample row, and fails",
    "8569Q": "the peer's working day before Easter Monday 1 April 2024 is 2 April",
    "8869": "the peer compares an assessment's whole list of factors with 21",
    "8935": "the peer counts open plans per CPPID, which restarts in each episode",
}


LEGEND = (
    "agree / only peer / only us (children); 'crash N': the peer crashed, we flag N;\n"
    "'absent N': not in the peer's pack, we flag N; 'ours absent N': not in our pack, the\n"
    "peer flags N; '-': in neither pack that year; 'explained': a NOTE in the rule's\n"
    "module says why DfE decides; '*': to be resolved"
)


def generate(path: Path, year: str, children: int, error_rate: float, seed: int) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "csc_validate",
            "example-data",
            "cin",
            *("--year", year, "--children", str(children)),
            *("--error-rate", str(error_rate), "--seed", str(seed), "--out", str(path)),
        ],
        check=True,
        capture_output=True,
    )


def run_ours(census: Path, year: str, out: Path) -> tuple[dict[str, set[str]], dict[str, str]]:
    """The children csc-validate flags per rule, and the rules it did not run with the reason."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "csc_validate",
            "check",
            str(census),
            *("--year", year, "--format", "json", "--output", str(out), "--fail-on", "never"),
        ],
        check=True,
        capture_output=True,
    )
    report = json.loads(out.read_text())
    if report["crashes"]:
        print(f"{year}: csc-validate rules crashed: {report['crashes']}", file=sys.stderr)
    flagged: dict[str, set[str]] = {}
    for finding in report["findings"]:
        flagged.setdefault(finding["rule"], set()).add(finding["child"] or WHOLE_RETURN)
    return flagged, {entry["rule"]: entry["reason"] for entry in report["skipped"]}


def run_peer(python: Path, census: Path, year: str, out: Path) -> dict:
    done = subprocess.run(
        [str(python), str(PEER_RUNNER), str(census), year, str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the peer failed on {year}:\n{done.stderr[-2000:]}")
    return json.loads(out.read_text())


def compare(our_codes: set[str], ours: dict, not_run: dict[str, str], peer: dict) -> dict:
    """Per rule of either pack: agree, only peer and only us children, or why not compared."""
    result = {}
    for code in our_codes | set(peer["rules"]):
        mine = ours.get(code, set())
        theirs = set(peer["flagged"].get(code, []))
        if code not in our_codes:
            result[code] = {"status": "not in our pack", "only_peer": sorted(theirs)}
        elif code in not_run:
            result[code] = {"status": f"not run by us: {not_run[code]}", "only_peer": []}
        elif code not in peer["rules"]:
            result[code] = {"status": "not in the peer's pack", "only_us": sorted(mine)}
        elif code in peer["crashed"]:
            result[code] = {"status": f"peer crashed: {peer['crashed'][code]}"}
            result[code]["only_us"] = sorted(mine)
        else:
            result[code] = {
                "agree": sorted(mine & theirs),
                "only_peer": sorted(theirs - mine),
                "only_us": sorted(mine - theirs),
            }
    return result


def cell(counts: dict | None) -> tuple[str, bool, bool]:
    """The table cell for one rule and year, whether the two differ, whether either flagged."""
    if counts is None:
        return "-", False, False
    status = counts.get("status", "")
    if status.startswith("peer crashed"):
        return f"crash {len(counts['only_us'])}", True, True
    if status == "not in the peer's pack":
        return f"absent {len(counts['only_us'])}", bool(counts["only_us"]), bool(counts["only_us"])
    if status == "not in our pack":
        peer = len(counts["only_peer"])
        return f"ours absent {peer}", bool(peer), bool(peer)
    if status:
        return "not run", False, False
    agree, peer, us = (len(counts[k]) for k in ("agree", "only_peer", "only_us"))
    return f"{agree}/{peer}/{us}", bool(peer or us), bool(agree or peer or us)


def table_rows(years: list[str], results: dict[str, dict[str, dict]]) -> tuple[list, int]:
    codes = sorted({code for year in years for code in results[year]}, key=code_key)
    rows, silent = [], 0
    for code in codes:
        cells, differs, flagged = [], False, False
        for year in years:
            text, year_differs, year_flagged = cell(results[year].get(code))
            cells.append(text)
            differs, flagged = differs or year_differs, flagged or year_flagged
        if not flagged:
            silent += 1
            continue
        mark = ("explained" if code in EXPLAINED else "*") if differs else ""
        rows.append((code, cells, mark))
    return rows, silent


def main() -> None:
    args = differential_arguments(
        __doc__.splitlines()[0],
        ["2024-25", "2025-26"],
        default_venv(PEER_PACKAGE),
        "censuses",
        "children",
    )
    check_explained("cin", args.years, EXPLAINED)

    python = peer_python(PEER_PACKAGE, args.venv)
    print(
        f"peer: {PEER_PACKAGE} {peer_version(PEER_PACKAGE, python)}; {args.children} children a"
        f" year, error rate {args.error_rate}, seed {args.seed}"
    )
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        for year in args.years:
            folder = work / year
            folder.mkdir(parents=True, exist_ok=True)
            census = folder / f"cin-{year}.xml"
            generate(census, year, args.children, args.error_rate, args.seed)
            ours, not_run = run_ours(census, year, folder / "ours.json")
            peer = run_peer(python, census, year, folder / "peer.json")
            our_codes = set(packs.load("cin", year).rules)
            results[year] = compare(our_codes, ours, not_run, peer)
            peer_codes = set(peer["rules"])
            print(f"\n{year}: {len(our_codes)} rules ours, {len(peer_codes)} the peer's")
            print(f"  only in our pack: {' '.join(sorted(our_codes - peer_codes, key=code_key))}")
            print(f"  only in the peer's: {' '.join(sorted(peer_codes - our_codes, key=code_key))}")
            for code, reason in peer["crashed"].items():
                print(f"  peer crashed on {code}: {reason}")
            if not_run:
                print(f"  not run by us: {' '.join(sorted(not_run, key=code_key))}")
            for code in args.show:
                counts = results[year].get(code, {})
                for side in ("only_peer", "only_us"):
                    for child in counts.get(side, []):
                        print(f"  {code} {side}: child {child}")
            (folder / "differences.json").write_text(json.dumps(results[year], indent=1))
        print()
        rows, silent = table_rows(args.years, results)
        print_table(LEGEND, args.years, rows, silent, 16)
        if args.markdown:
            write_markdown(args.markdown, args.years, rows, silent, EXPLAINED)


if __name__ == "__main__":
    main()
