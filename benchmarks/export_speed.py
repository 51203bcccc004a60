"""Time of `csc-validate export` on generated returns: the checks, the writing, the whole.

Usage: python benchmarks/export_speed.py [--children 10000] [--seed 1] [--year 2026-27]

Generates a clean SSDA903 extract (CSV, with last year's) and a clean CIN census (XML), then
times, for each, the year's checks, building the return's files (load and write, in memory)
and the whole export as the command runs it (checks, files, schema check, files on disk).
Numbers go to standard output only.
"""

import argparse
import resource
import tempfile
import time
from pathlib import Path

from csc_validate.collection import ExampleRequest
from csc_validate.collections import cin, ssda903
from csc_validate.periods import previous_year
from csc_validate.pipeline.check import run
from csc_validate.pipeline.export import prepare
from csc_validate.pipeline.request import Request


def _seconds(start: tuple[float, float]) -> str:
    """Wall time and this process's CPU time since `start` (they differ on a busy machine)."""
    return f"{time.perf_counter() - start[0]:.2f} s ({time.process_time() - start[1]:.2f} s CPU)"


def _now() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _export(name: str, paths: list[Path], previous: list[Path] | None, output: Path) -> None:
    start = _now()
    request = Request(paths=tuple(paths), previous=tuple(previous or ()), collection=name)
    result = run(request)
    checked = _seconds(start)
    middle = _now()
    prepared = prepare(request, result, output, {"la_code": "201"})
    built = _seconds(middle)
    for validated in prepared.files:
        validated.file.path.parent.mkdir(parents=True, exist_ok=True)
        validated.file.path.write_bytes(validated.file.data)
    sizes = ", ".join(f"{v.file.path.name} {len(v.file.data) / 1e6:.1f} MB" for v in prepared.files)
    print(f"{name}: checks {checked}, files {built}, export {_seconds(start)} ({sizes})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2026-27")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        request = ExampleRequest(out / "903", options.children, options.seed, options.year, 0.0)
        ssda903.COLLECTION.write_examples(request)
        census = out / "census.xml"
        cin.COLLECTION.write_examples(
            ExampleRequest(census, options.children, options.seed, options.year, 0.0)
        )
        print(f"{options.children} children, {options.year}")
        _export(
            "ssda903",
            [out / "903" / options.year],
            [out / "903" / previous_year(options.year)],
            out / "return.xml",
        )
        _export("cin", [census], None, out / "cin.xml")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
