"""Time of `csc-validate check` on a generated SSDA903 return with reference data loaded.

Usage: python benchmarks/reference_data_speed.py [--children 10000] [--seed 1] [--year 2025-26]
       [--la 383] [--repeat 3]

Generates a synthetic current- and previous-year extract (CSV; the generator's council is Leeds,
383) and an Ofsted provider list (XLSX, in the combined layout) registering each of the
extract's URNs as the extract uses it, then times the whole check
without reference data, and with --la and --ofsted. The first check with --la reads the ONS
Postcode Directory files for the letters the return uses (as a user's one run does); later
checks in the same process reuse them. Numbers go to standard output only.
"""

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from openpyxl import Workbook

from csc_validate.check import check
from csc_validate.collections.ssda903.reference import authorities
from csc_validate.collections.ssda903.synthetic.returns import generate, write
from csc_validate.periods import previous_year


def _timed(function, repeat: int) -> tuple[list[tuple[float, float]], object]:
    """(wall, CPU) seconds of each run: CPU time is steadier on a shared machine."""
    times, result = [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = function()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times, result


def _ofsted_list(episodes_csv: Path, path: Path, council: str) -> Path:
    """An Ofsted provider list holding every URN of the extract, registered in the council with
    the placement types and provider codes the extract uses it for and its first postcode: the
    URN rules then run on every placement without flagging them wholesale."""
    episodes = pl.read_csv(episodes_csv, infer_schema=False)
    providers = (
        episodes.filter(pl.col("URN").is_not_null() & (pl.col("URN") != "XXXXXXX"))
        .group_by("URN")
        .agg(
            pl.col("PLACE").drop_nulls().unique().sort().str.join(", "),
            pl.col("PLACE_PROVIDER").drop_nulls().unique().sort().str.join("/"),
            pl.col("PL_POST").drop_nulls().first(),
        )
        .sort("URN")
    )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Providers")
    sheet.append(
        [
            "URN",
            "Local authority",
            "Placement code",
            "Placement provider code",
            "Deregistration date",
            "Setting address postcode",
        ]
    )
    for row in providers.iter_rows(named=True):
        sheet.append(
            [row["URN"], council, row["PLACE"], row["PLACE_PROVIDER"], None, row["PL_POST"]]
        )
    workbook.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--error-rate", type=float, default=0.05)
    parser.add_argument("--la", default="383", help="the council (the generator's is Leeds, 383)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write(generate(args.children, args.seed, args.year, args.error_rate), out, args.year)
        current, last = out / args.year, out / previous_year(args.year)
        council = authorities.council(args.la).name
        ofsted = _ofsted_list(current / "episodes.csv", out / "ofsted.xlsx", council)

        plain_times, plain = _timed(lambda: check([current], [last]), args.repeat)
        with_data = lambda: check([current], [last], la=args.la, ofsted=[ofsted])  # noqa: E731
        first, _ = _timed(with_data, 1)
        data_times, report = _timed(with_data, args.repeat)

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":
        peak_mib /= 1024
    print(f"children: {args.children}, year {args.year}, council --la {args.la}")
    print(f"without reference data: {plain.rules_run} rules run, {len(plain.skipped)} not run")
    print(f"with --la and --ofsted: {report.rules_run} rules run, {len(report.skipped)} not run")
    print(f"findings: {len(plain.findings)} without, {len(report.findings)} with")
    wall, cpu = first[0]
    print(
        f"first check with reference data (reads the postcode files): {wall:.2f} s, CPU {cpu:.2f} s"
    )
    for label, times in (("check without", plain_times), ("check with", data_times)):
        walls, cpus = [t[0] for t in times], [t[1] for t in times]
        print(
            f"{label:>13}: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s; "
            f"CPU best {min(cpus):.2f} s"
        )
    print(f"peak memory: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
