"""Time of `csc-validate summary` on a generated return, stage by stage, on each of its paths.

Usage: python benchmarks/summary_speed.py [--collection ssda903] [--children 80000] [--seed 1]
       [--year 2025-26] [--repeat 3] [--skip-full] [--folder DIR]

Generates a synthetic return (SSDA903: this year's and last year's CSV extracts; CIN: a census
XML), then times, each split into reading the files, running the rules and locating findings:

- the full check (every rule), which summary ran before it narrowed the rules (--skip-full
  leaves it out);
- summary's default path: only the rules that check the fields the figures read;
- `summary --report CHECK.json`: reading the files and the saved report, no rules (reading
  every file, and, as summary does, only the files of tables the figures read);

then the figures alone (this year's and, for SSDA903, last year's beside them) and every output
once. Wall-clock and CPU time are both shown: on a shared machine wall-clock time includes waiting
for a core. Numbers go to standard output only; with --folder the generated return is kept
there and reused by the next run (generating 80,000 children takes minutes).
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from csc_validate import schemas
from csc_validate.check import request
from csc_validate.config import Config
from csc_validate.findings import Report
from csc_validate.periods import previous_year
from csc_validate.pipeline.check import run
from csc_validate.pipeline.load import load
from csc_validate.pipeline.saved_report import load_beside, matching_report
from csc_validate.reports import json_report
from csc_validate.summary.compute import summarise
from csc_validate.summary.outputs import csv_table, html_page, json_document, terminal, workbook
from csc_validate.summary.scope import FigureRules
from csc_validate.tables import Tables


def _generate(collection: str, children: int, seed: int, year: str, out: Path):
    if collection == "cin":
        from csc_validate.collections.cin import synthetic

        path = out / f"cin-{year}.xml"
        if not path.exists():
            synthetic.write(synthetic.generate(children, seed, year, 0.05), path)
        return [path], []
    from csc_validate.collections.ssda903.synthetic.returns import generate, write

    if not (out / year).exists():
        write(generate(children, seed, year, 0.05), out, year)
    return [out / year], [out / previous_year(year)]


class Stopwatch:
    """Wall-clock and CPU seconds of each named stage, split at the check's progress calls."""

    def __init__(self) -> None:
        self.times: dict[str, tuple[float, float]] = {}
        self._open: tuple[str, float, float] | None = None

    def stage(self, name: str, _count: int = 0) -> None:
        self.stop()
        self._open = (name, time.perf_counter(), time.process_time())

    def stop(self) -> None:
        if self._open is not None:
            name, wall, cpu = self._open
            self.times[name] = (time.perf_counter() - wall, time.process_time() - cpu)
            self._open = None

    def line(self, title: str) -> str:
        parts = [f"{name} {wall:.2f} s ({cpu:.2f} CPU)" for name, (wall, cpu) in self.times.items()]
        wall = sum(w for w, _ in self.times.values())
        cpu = sum(c for _, c in self.times.values())
        return f"{title:<28} {wall:6.2f} s ({cpu:5.2f} CPU) = " + " + ".join(parts)


def _checked(
    current: list[Path], last: list[Path], narrow: Callable | None
) -> tuple[Report, Tables, Stopwatch]:
    watch = Stopwatch()
    report, tables = run(request(current, last, narrow=narrow), stage=watch.stage)
    watch.stop()
    return report, tables, watch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", default="ssda903", choices=["ssda903", "cin"])
    parser.add_argument("--children", type=int, default=80_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-full", action="store_true", help="Do not time the full check.")
    parser.add_argument("--folder", type=Path, help="Generate here, or reuse what is here.")
    args = parser.parse_args()

    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        name = f"{args.collection}-{args.children}-{args.seed}"
        given = args.folder / name if args.folder else None
        start = time.perf_counter()
        current, last = _generate(
            args.collection, args.children, args.seed, args.year, given or out
        )
        generated = time.perf_counter() - start
        if not args.skip_full:
            full, _, watch = _checked(current, last, None)
            lines.append(watch.line(f"full check ({full.rules_run} rules)"))
            report_path = out / "check.json"
            report_path.write_text(json_report.render(full), encoding="utf-8")
        narrow = FigureRules()
        report, tables, watch = _checked(current, last, narrow)
        lines.append(watch.line(f"figure rules ({report.rules_run} rules)"))
        if args.skip_full:
            report_path = out / "check.json"
            report_path.write_text(json_report.render(report), encoding="utf-8")
        schema = schemas.load(tables.collection, tables.year)
        end = f"{schema.period.end:%d/%m/%Y}"
        watch = Stopwatch()
        watch.stage("read")
        loaded = load(current, last)
        watch.stage("saved report")
        matching_report(report_path, loaded, end)
        watch.stop()
        lines.append(watch.line("--report, every file read"))
        watch = Stopwatch()
        watch.stage("read")
        saved, loaded, unread = load_beside(report_path, Config(inputs=current, previous=last))
        watch.stage("saved report")
        matching_report(report_path, loaded, end, saved, bool(unread))
        watch.stop()
        lines.append(watch.line(f"--report ({len(unread)} files unread)"))
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
    print(f"generate:                    {generated:6.2f} s")
    print("load and check, by path:")
    for line in lines:
        print("  " + line)
    print(
        f"figures:                     best {min(times):.2f} s ({min(cpu):.2f} CPU), median "
        f"{statistics.median(times):.2f} s  ({len(summary.headlines())} figures, "
        f"{len(summary.figures)} entries{', with last year' if summary.previous_given else ''})"
    )
    print(f"render 5 formats:            {rendered:6.2f} s")


if __name__ == "__main__":
    main()
