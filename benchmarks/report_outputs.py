"""Time and size of every output of one check on a generated SSDA903 return.

Usage: python benchmarks/report_outputs.py [--children 10000] [--error-rate 0.1] [--seed 1]
       [--teams 5] [--keep FOLDER]

Generates a current- and previous-year extract, checks it once, then writes each output from the
same Report (and the workbook once more per team of a generated child-to-team lookup), reporting
the seconds and bytes of each. Numbers go to standard output only.
"""

import argparse
import csv
import tempfile
import time
from pathlib import Path

from csc_validate import schemas
from csc_validate.check import check_with_tables
from csc_validate.collections.ssda903.synthetic.returns import generate, write
from csc_validate.periods import previous_year
from csc_validate.reports import Format
from csc_validate.reports import write as write_output
from csc_validate.reports.options import Options
from csc_validate.reports.split import read_lookup, subset, team_paths

OUTPUTS = {
    "findings.json": Format.JSON,
    "findings.csv": Format.CSV,
    "errors.xlsx": Format.XLSX,
    "report.html": Format.HTML,
    "summary.txt": Format.TERMINAL,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--error-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--teams", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the outputs here instead of a temp folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        out = args.keep or folder / "out"
        out.mkdir(parents=True, exist_ok=True)
        current, last = folder / args.year, folder / previous_year(args.year)
        write(generate(args.children, args.seed, args.year, args.error_rate), folder, args.year)

        start = time.perf_counter()
        report, tables = check_with_tables([current], [last])
        print(f"check: {time.perf_counter() - start:.2f} s, {len(report.findings)} findings")
        child_column = schemas.load(report.collection, report.year).child_column
        options = Options(tables=tables, child_column=child_column, limit=0)
        for name, fmt in OUTPUTS.items():
            start = time.perf_counter()
            write_output(report, fmt, out / name, options)
            seconds = time.perf_counter() - start
            print(f"{name:>14}: {seconds:6.2f} s {(out / name).stat().st_size / 1e6:8.2f} MB")

        lookup = folder / "teams.csv"
        children = tables.raw("Header")[child_column].to_list()
        with lookup.open("w", newline="") as handle:
            rows = csv.writer(handle)
            rows.writerow([child_column, "TEAM"])
            rows.writerows(
                [child, f"Team {n % args.teams + 1}"] for n, child in enumerate(children)
            )
        start = time.perf_counter()
        teams = read_lookup(f"{lookup}:TEAM", child_column)
        paths = team_paths(out / "errors.xlsx", list(teams.teams))
        for team, members in teams.teams.items():
            team_report, team_tables = subset(report, tables, members, child_column)
            team_options = Options(tables=team_tables, child_column=child_column)
            write_output(team_report, Format.XLSX, paths[team], team_options)
        size = sum(path.stat().st_size for path in paths.values())
        seconds = time.perf_counter() - start
        print(f"{len(paths)} team workbooks: {seconds:6.2f} s {size / 1e6:8.2f} MB in all")


if __name__ == "__main__":
    main()
