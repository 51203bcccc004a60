"""Returns written from tables, and tables read from returns, for the round-trip tests."""

import re
from collections import Counter
from pathlib import Path

import polars as pl

from csc_validate import collections
from csc_validate.findings import Report
from csc_validate.pipeline.convert import csv_bytes, flat_tables
from csc_validate.pipeline.load import load
from csc_validate.returns import ReturnFile, ReturnRequest

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLES = REPOSITORY / "examples"


def write_return(
    paths: list[Path],
    output: Path,
    previous: list[Path] | None = None,
    header: dict[str, str] | None = None,
) -> list[ReturnFile]:
    """The return of an extract, written under `output`'s folder; the files as written. The
    census header comes from the extract's Header table unless `header` says otherwise."""
    tables = load(paths, previous)
    chosen = collections.get(tables.collection)
    assert chosen.write_return is not None
    files = chosen.write_return(ReturnRequest(tables, output, header or {}))
    for file in files:
        file.path.parent.mkdir(parents=True, exist_ok=True)
        file.path.write_bytes(file.data)
    return files


def write_tables(paths: list[Path], out: Path, year: str | None = None) -> Path:
    """The tables of a return as CSV files in `out`, as `convert --to csv` writes them."""
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in flat_tables(load(paths, year=year)).items():
        (out / f"{name}.csv").write_bytes(csv_bytes(frame))
    return out


def sorted_tables(paths: list[Path], leave_out: tuple[str, ...] = ()) -> dict[str, pl.DataFrame]:
    """Each table's rows as text, in a fixed order: the XML groups rows by child. A table
    without rows counts as absent, as DfE's XML cannot tell the two apart."""
    tables = flat_tables(load(paths))
    return {
        name: frame.sort(frame.columns, nulls_last=True)
        for name, frame in tables.items()
        if name not in leave_out and frame.height
    }


def noted_children(files: list[ReturnFile]) -> set[str]:
    """Children whose values the writer said the XML could not hold as given."""
    return {
        match.group(1)
        for file in files
        for note in file.notes
        for match in [re.search(r"CHILD (\S+)", note)]
        if match
    }


def finding_counts(report: Report, leave_out: set[str]) -> Counter:
    """Findings by what they say, not where: the same rows sit on other lines in XML."""
    return Counter(
        (f.rule, f.table, f.child, tuple(sorted(f.values.items())))
        for f in report.findings
        if f.child not in leave_out
    )
