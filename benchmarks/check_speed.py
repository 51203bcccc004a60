"""Time and memory of `csc-validate check` on a generated SSDA903 return.

Usage: python benchmarks/check_speed.py [--children 10000] [--seed 1] [--year 2025-26] [--repeat 3]

Generates a synthetic current- and previous-year extract (CSV), then times reading alone, the
rules alone and the whole check (read, rules, findings), reporting the best and median of the
repeats and the process's peak resident memory. Numbers go to standard output only.
"""

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from csc_validate import engine, packs, schemas
from csc_validate.check import check
from csc_validate.collections.ssda903.synthetic.returns import generate, write
from csc_validate.periods import previous_year
from csc_validate.pipeline.load import load


def _timed(function, repeat: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--error-rate", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        start = time.perf_counter()
        write(generate(args.children, args.seed, args.year, args.error_rate), out, args.year)
        generated = time.perf_counter() - start
        current, last = out / args.year, out / previous_year(args.year)

        read_times, tables = _timed(lambda: load([current], [last]), args.repeat)
        schema = schemas.load(tables.collection, tables.year)
        rules = packs.load(tables.collection, tables.year).ordered()
        rule_times, result = _timed(lambda: engine.run(rules, tables, schema), args.repeat)
        check_times, report = _timed(lambda: check([current], [last]), args.repeat)

    rows = sum(n for name, n in report.table_rows.items() if not name.endswith("_last"))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":
        peak_mib /= 1024
    print(f"children: {args.children}, year {args.year}, rows this year: {rows}")
    print(f"rules: {len(rules)} in the pack, {report.rules_run} run, {len(result.skipped)} skipped")
    print(f"findings: {len(report.findings)}")
    print(f"generate extract: {generated:.2f} s")
    for label, times in (("read", read_times), ("rules", rule_times), ("check", check_times)):
        print(f"{label:>6}: best {min(times):.3f} s, median {statistics.median(times):.3f} s")
    print(f"peak memory: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
