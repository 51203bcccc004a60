"""Time of `csc-validate summary`'s figures on a generated return, beside the check it reuses.

Usage: python benchmarks/summary_speed.py [--collection ssda903] [--children 80000] [--seed 1]
       [--year 2025-26] [--repeat 3]

Generates a synthetic return (SSDA903: this year's and last year's CSV extracts; CIN: a census
XML), loads and checks it once as `summary` does, then times the figures alone (this year's and,
for SSDA903, last year's beside them) and writes every output once. Numbers go to standard
output only.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from csc_validate import schemas
from csc_validate.check import check_with_tables
from csc_validate.periods import previous_year
from csc_validate.summary.compute import summarise
from csc_validate.summary.outputs import csv_table, html_page, json_document, terminal, workbook


def _generate(collection: str, children: int, seed: int, year: str, out: Path):
    if collection == "cin":
        from csc_validate.collections.cin import synthetic

        path = out / f"cin-{year}.xml"
        synthetic.write(synthetic.generate(children, seed, year, 0.05), path)
        return [path], []
    from csc_validate.collections.ssda903.synthetic.returns import generate, write

    write(generate(children, seed, year, 0.05), out, year)
    return [out / year], [out / previous_year(year)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", default="ssda903", choices=["ssda903", "cin"])
    parser.add_argument("--children", type=int, default=80_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        start = time.perf_counter()
        current, last = _generate(args.collection, args.children, args.seed, args.year, out)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        report, tables = check_with_tables(current, last)
        checked = time.perf_counter() - start
        schema = schemas.load(tables.collection, tables.year)
        times, cpu = [], []
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            summary = summarise(tables, schema, report)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        start = time.perf_counter()
        for render in (json_document.render, csv_table.render, workbook.render, html_page.render):
            render(summary)
        terminal.render(summary)
        rendered = time.perf_counter() - start

    rows = sum(n for name, n in report.table_rows.items() if not name.endswith("_last"))
    print(f"{args.collection} {tables.year}: {args.children} children, {rows} rows this year")
    print(f"generate:           {generated:7.2f} s")
    print(f"load and check:     {checked:7.2f} s  (once, as summary runs it)")
    print(
        f"figures:            best {min(times):.2f} s, median {statistics.median(times):.2f} s"
        f"  ({len(summary.headlines())} figures, {len(summary.figures)} entries"
        f"{', with last year' if summary.previous_given else ''})"
    )
    # On a shared machine wall-clock time includes waiting for a core; CPU time does not.
    print(f"figures CPU time:   best {min(cpu):.2f} s (all threads)")
    print(f"render 5 formats:   {rendered:7.2f} s")


if __name__ == "__main__":
    main()
