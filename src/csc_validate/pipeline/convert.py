"""An XML return as the flat tables `check` reads: one CSV per table, or one XLSX workbook."""

import io
from enum import StrEnum
from pathlib import Path

import polars as pl

from csc_validate import atomic, schemas
from csc_validate.errors import UsageError
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.pipeline.load import tables_for
from csc_validate.pipeline.request import Request
from csc_validate.readers import kind
from csc_validate.tables import Tables


class Target(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def convert(path: Path, target: Target, out: Path, year: str | None = None) -> list[str]:
    """Write the return's tables under `out`; returns a line per file written, for the user.

    Values are written as the XML spells them, so that the tables check as the return does.
    """
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file; name a folder for the tables")
    if not path.is_file() or kind(path, str(path)) != "xml":
        raise UsageError(f"{path}: is not an XML return; convert reads DfE's XML files")
    refuse_outputs_over_inputs(
        [("--out", destination) for destination in _destinations(path, target, out)],
        [("the XML return being converted", path)],
    )
    tables = tables_for(Request(paths=(path,), year=year))
    frames = flat_tables(tables)
    if target is Target.CSV:
        lines = []
        for name, frame in frames.items():
            destination = out / f"{name}.csv"
            atomic.write_bytes(destination, csv_bytes(frame))
            lines.append(f"Wrote {destination} ({_rows(frame.height)})")
        return lines
    destination = out / f"{path.stem}.xlsx"
    atomic.write_bytes(destination, xlsx_bytes(frames))
    counts = ", ".join(f"{name} {_rows(frame.height)}" for name, frame in frames.items())
    return [f"Wrote {destination}: {counts}"]


def _destinations(path: Path, target: Target, out: Path) -> list[Path]:
    """Every file convert may write, whatever the collection and year turn out to be."""
    if target is Target.XLSX:
        return [out / f"{path.stem}.xlsx"]
    names = {
        name
        for collection in schemas.available_collections()
        for year in schemas.available_years(collection)
        for name in schemas.load(collection, year).tables
    }
    return [out / f"{name}.csv" for name in sorted(names)]


def flat_tables(tables: Tables) -> dict[str, pl.DataFrame]:
    """Each table of the year that was read, with its file columns in DfE's order, as text."""
    schema = schemas.load(tables.collection, tables.year)
    return {
        name: tables.raw(name).select(table.file_columns)
        for name, table in schema.tables.items()
        if name in tables
    }


def csv_bytes(frame: pl.DataFrame) -> bytes:
    return frame.write_csv(line_terminator="\n").encode("utf-8")


def xlsx_bytes(frames: dict[str, pl.DataFrame]) -> bytes:
    """One sheet per table; every cell is text, so dates and ids stay as DfE writes them."""
    from openpyxl import Workbook  # slow to import: only when a workbook is written

    workbook = Workbook(write_only=True)
    for name, frame in frames.items():
        sheet = workbook.create_sheet(title=name)
        sheet.append(frame.columns)
        for row in frame.iter_rows():
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"
