"""Cost of reading every row of an XLSX workbook whatever size its sheets record.

Usage: python benchmarks/xlsx_rows.py [--children 80000] [--seed 1] [--repeat 2]

Generates a synthetic SSDA903 return, writes its Header and Episodes tables as one workbook,
then times: openpyxl's read-only mode trusting the recorded sheet size (what csc-validate did),
csc-validate's XLSX reader (which forgets the recorded size), and the same reader on a copy whose
sheets record a size of 10 rows. Numbers go to standard output only.
"""

import argparse
import csv
import io
import re
import tempfile
import time
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from csc_validate.collections.ssda903.synthetic.returns import generate, write
from csc_validate.readers import xlsx

TABLES = {"header.csv": "Header", "episodes.csv": "Episodes"}


def _workbook(folder: Path) -> bytes:
    workbook = Workbook(write_only=True)
    for file, title in TABLES.items():
        sheet = workbook.create_sheet(title)
        with (folder / file).open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _short(data: bytes) -> bytes:
    """The workbook with every sheet's recorded size cut to A1:M10."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name.startswith("xl/worksheets/"):
                part = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:M10"', part)
                if b"<dimension" not in part:
                    part = part.replace(b"<sheetData", b'<dimension ref="A1:M10"/><sheetData', 1)
            target.writestr(name, part)
    return buffer.getvalue()


def _trusting(data: bytes) -> int:
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))
    workbook.close()
    return rows


def _ours(data: bytes) -> int:
    return sum(sheet.height + 1 for sheet in xlsx.read(data, "return.xlsx"))


def _best(function, data: bytes, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = function(data)
        times.append(time.perf_counter() - start)
    return min(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=80_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write(generate(args.children, args.seed, args.year, 0.05), out, args.year)
        data = _workbook(out / args.year)
    short = _short(data)
    print(f"children: {args.children}, workbook {len(data) / 2**20:.1f} MiB")
    for label, function, workbook in (
        ("openpyxl trusting the recorded size", _trusting, data),
        ("csc-validate reader, every row", _ours, data),
        ("csc-validate reader, size recorded as A1:M10", _ours, short),
        ("openpyxl trusting A1:M10 (rows lost)", _trusting, short),
    ):
        seconds, rows = _best(function, workbook, args.repeat)
        print(f"{label}: {seconds:.2f} s, {rows} rows (header rows included)")


if __name__ == "__main__":
    main()
