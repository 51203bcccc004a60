"""Compare csc-validate's SSDA903 findings with the peer validator's, rule by rule.

Usage: python benchmarks/differential_903.py [--years 2024-25 2025-26 2026-27] [--children 2000]
           [--error-rate 0.1] [--seed 1] [--venv PATH] [--keep DIR] [--show RULE ...]

Installs the peer (csc-validator-be-903, from PyPI) into its own virtual environment (made once,
then reused), writes a synthetic return and last year's for each year with
`csc-validate example-data`, checks it with both validators, and prints per rule and year the rows
both flag (agree), the rows only the peer flags and the rows only csc-validate flags. A row is a
(table, 0-based row) pair. `--show` lists the differing rows of the named rules with their child.

A difference is not always ours to fix: where DfE's wording and the peer differ, DfE decides, and
the rule's module says why in a `# NOTE:` comment. Such rules are listed in EXPLAINED and shown as
"explained"; the script stops if one of them has no NOTE in its module. Any other difference is
marked with "*" and is still to be resolved.

Both validators are told the return comes from the generator's council (Leeds), whose real
postcodes the synthetic homes and placements use, so the postcode rules are compared too. The
generated URNs are on no Ofsted list and no list is given: the URN rules are not compared.
"""

import csv
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
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
from csc_validate.collections.ssda903.synthetic import geography
from csc_validate.collections.ssda903.synthetic.returns import FILE_NAMES
from csc_validate.findings import code_key
from csc_validate.periods import previous_year

PEER_PACKAGE = "csc-validator-be-903"
PEER_RUNNER = Path(__file__).with_name("differential_903_peer.py")
DEFAULT_VENV = default_venv(PEER_PACKAGE)
# The council both validators are told the return is from: the generator's own (Leeds), whose
# real postcodes the synthetic homes and placements are drawn from.
COUNCIL = geography.COUNCIL

# Rules whose remaining difference a `# NOTE:` in the rule's module explains (DfE's wording or a
# peer fault), with its gist; the module's NOTE says why DfE decides.
EXPLAINED = {
    "142": "the peer sorts an unreadable DECOM last and reads an unreadable DEC as blank",
    "146": "the peer's 2024-25 code list has K3 in lower case",
    "157": "DfE's '16 years or under' includes 16-year-olds; the peer stops at 16",
    "165": "the peer still compares SEX with 1/2",
    "169": "the peer's 2021 authority list lacks councils formed since (North Yorkshire...)",
    "185": "OC2 cohort by DfE's codes; the peer drops unreadable dates and blank RECs",
    "190": "OC2 cohort by DfE's codes; the peer drops unreadable dates and blank RECs",
    "191": "OC2 cohort by DfE's codes; the peer blames the first episode, reads a bad DEC as none",
    "198": "OC2 cohort by DfE's codes; the peer drops unreadable dates and blank RECs",
    "202": "the peer compares SEX with 1/2 across DfE's 2024-25 recoding",
    "204": "the peer also flags blank or invalid codes (103)",
    "208": "last year's unknown UPN codes and blanks record no UPN; the peer compares them",
    "231": "the peer reads a Header column CSV returns do not have, and fails",
    "233": "the peer reads a column Episodes does not have, and fails",
    "388": "the peer compares episodes whose DECOM it cannot read (141)",
    "432": "the peer compares episodes whose DECOM it cannot read (141)",
    "433": "the peer also flags a blank DECOM (141)",
    "577": "the peer takes an unreadable DECOM as care ended; flags ended periods too",
    "578": "the peer drops episodes whose DECOM it cannot read",
    "581": "the peer takes an unreadable DECOM as no care yet",
    "634": "DfE names 1 April 2016; the peer also blames every episode of the child",
    "709": "the peer reads a column PLACEMENT, and fails",
    "710": "the peer reads a column PLACEMENT, and fails",
    "1001": "the peer flags those it cannot test (20+, unreadable DOB), mixes up row numbers",
    "1007": "the peer fails on a date it cannot read",
    "3001": "the peer fails on a child in Header twice",
    "INT15": "the peer compares only dates it can read",
    "SW12STG2": "the peer pairs every episode with every social worker episode",
}

Row = tuple[str, int | None]


LEGEND = (
    "agree / only peer / only us (rows); 'crash N': the peer crashed, we flag N rows;\n"
    "'absent N': not in the peer's pack; '-': not in our pack that year; 'not run, peer N':\n"
    "we skip the rule (no Ofsted list or last year's table) and the peer flags N rows;\n"
    "'explained': a NOTE in the rule's module says why DfE decides; '*': to be resolved"
)


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
            COUNCIL,
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
        [str(python), str(PEER_RUNNER), str(current), str(previous), year, COUNCIL, str(out)],
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
            peer_rows = len(peer["flagged"].get(code, []))
            status = f"not run by us: {not_run[code]}"
            result[code] = {"status": status, "only_us": [], "peer_rows": peer_rows}
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


def table_rows(years: list[str], results: dict[str, dict[str, dict]]) -> tuple[list, int]:
    """(rule, cells per year, mark) for each rule either side flagged or could not run, and how
    many rules neither side flagged in any year. The mark is "" (no difference), "explained" (a
    NOTE in the rule's module says why DfE decides), "not compared" (we did not run the rule,
    for want of reference data, and the peer flagged rows) or "*" (to be resolved)."""
    codes = sorted({code for year in years for code in results[year]}, key=code_key)
    rows, silent = [], 0
    for code in codes:
        cells, differs, flagged, uncompared = [], False, False, False
        for year in years:
            counts = results[year].get(code)
            if counts is None:
                cells.append("-")
            elif counts.get("status", "").startswith("not run by us"):
                peer_rows = counts["peer_rows"]
                cells.append(f"not run, peer {peer_rows}" if peer_rows else "not run")
                uncompared = uncompared or bool(peer_rows)
            elif "status" in counts:
                crashed = counts["status"].startswith("peer crashed")
                cells.append(f"{'crash' if crashed else 'absent'} {len(counts['only_us'])}")
                differs = differs or crashed or bool(counts["only_us"])
                flagged = flagged or crashed or bool(counts["only_us"])
            else:
                agree, peer, us = (len(counts[k]) for k in ("agree", "only_peer", "only_us"))
                differs = differs or bool(peer or us)
                flagged = flagged or bool(agree or peer or us)
                cells.append(f"{agree}/{peer}/{us}")
        if not (flagged or uncompared):
            silent += 1
            continue
        if differs:
            mark = "explained" if code in EXPLAINED else "*"
        else:
            mark = "not compared" if uncompared else ""
        rows.append((code, cells, mark))
    return rows, silent


def main() -> None:
    args = differential_arguments(
        __doc__.splitlines()[0],
        ["2024-25", "2025-26", "2026-27"],
        DEFAULT_VENV,
        "returns",
        "rows of these rules",
    )
    check_explained("ssda903", args.years, EXPLAINED)

    python = peer_python(PEER_PACKAGE, args.venv)
    print(
        f"peer: {PEER_PACKAGE} {peer_version(PEER_PACKAGE, python)}; "
        f"{args.children} children a year, error rate {args.error_rate}, seed {args.seed}"
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
        rows, silent = table_rows(args.years, results)
        print_table(LEGEND, args.years, rows, silent, 18)
        if args.markdown:
            write_markdown(args.markdown, args.years, rows, silent, EXPLAINED)


if __name__ == "__main__":
    main()
