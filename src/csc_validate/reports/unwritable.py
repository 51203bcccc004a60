"""Rows DfE's format cannot hold, each with its file and lines, for the user to fix: the whole
list, said in the terminal and written to a file beside the return."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from csc_validate import atomic
from csc_validate.reports.cells import csv_text
from csc_validate.returns import Unplaceable
from csc_validate.tables import Tables


@dataclass(frozen=True)
class Located:
    row: Unplaceable
    file: str | None
    lines: tuple[int, ...]

    def __str__(self) -> str:
        where = ""
        if self.lines:
            word = "line" if len(self.lines) == 1 else "lines"
            where = f" ({word} {', '.join(map(str, self.lines))})"
        return f"{self.row.table}: {self.row.who}{where}: {self.row.problem}"


def locate(rows: tuple[Unplaceable, ...], tables: Tables) -> list[Located]:
    """Each row group with the lines of the file that hold it (a blank id matches blank)."""
    found: list[Located] = []
    groups: dict[tuple[str, tuple[str, ...]], list[Unplaceable]] = {}
    for row in rows:
        groups.setdefault((row.table, tuple(name for name, _ in row.keys)), []).append(row)
    lines: dict[tuple[str, tuple[str, ...]], dict[tuple[str, ...], list[int]]] = {}
    for (table, names), members in groups.items():
        loaded = tables.tables.get(table)
        if loaded is None or any(name not in loaded.raw.columns for name in names):
            continue
        wanted = pl.DataFrame(
            [[_blank(value) for _, value in row.keys] for row in members],
            schema=list(names),
            orient="row",
        ).unique()
        raw = loaded.raw.select(
            "_line", *[pl.col(name).str.strip_chars().fill_null("").alias(name) for name in names]
        )
        joined = raw.join(wanted, on=list(names), how="inner").sort("_line")
        by_key: dict[tuple[str, ...], list[int]] = {}
        for record in joined.iter_rows():
            by_key.setdefault(tuple(record[1:]), []).append(record[0])
        lines[(table, names)] = by_key
    for row in rows:
        names = tuple(name for name, _ in row.keys)
        key = tuple(_blank(value) for _, value in row.keys)
        loaded = tables.tables.get(row.table)
        found.append(
            Located(
                row=row,
                file=loaded.file if loaded is not None else None,
                lines=tuple(lines.get((row.table, names), {}).get(key, [])),
            )
        )
    return found


def write_list(path: Path, located: list[Located]) -> None:
    """The list as CSV: table, file, lines, child, the other keys, and what is wrong."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "file", "lines", "child", "keys", "problem"])
    for item in located:
        (_, child), *rest = item.row.keys or ((None, None),)
        writer.writerow(
            [
                item.row.table,
                item.file or "",
                " ".join(map(str, item.lines)),
                csv_text(child or ""),
                csv_text("; ".join(f"{name}={value or ''}" for name, value in rest)),
                item.row.problem,
            ]
        )
    atomic.write_text(path, buffer.getvalue())


def _blank(value: str | None) -> str:
    return (value or "").strip()
