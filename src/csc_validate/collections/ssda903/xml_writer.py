"""Writes the SSDA903 return from its tables: DfE's XML, with the files DfE asks for beside it."""

from collections import Counter, defaultdict
from pathlib import Path

import polars as pl
from lxml import etree

from csc_validate import schemas
from csc_validate.collections.ssda903.xml_mapping import (
    CARRIED,
    CHILD,
    EPISODE_RECORD,
    HEADER,
    HEADER_REQUIRED,
    HEADER_SEQUENCE,
    ROOT,
    SW_IDENTITY,
    SW_RECORD,
    Record,
    element,
)
from csc_validate.readers.casting import DateFormat
from csc_validate.returns import ReturnFile, ReturnRequest, Unplaceable, refuse
from csc_validate.returns.cells import cells
from csc_validate.returns.xml import item, serialise

Row = dict[str, str | None]
# Tables whose rows become items of the child's HEADER: at most one row per child.
INLINE = ("UASC", "OC3", "AD1")
SOCIAL_WORKERS = "SWEpisodes"
DEPRIVATION_OF_LIBERTY = "DoLo"
SHOWN = 5


def write(request: ReturnRequest, date_format: DateFormat) -> list[ReturnFile]:
    """The return's XML and, where the year has them, the social-worker episodes' XML and the
    deprivation of liberty orders' table. Raises UnwritableReturnError rather than lose a row."""
    tables = request.tables
    schema = schemas.load(tables.collection, tables.year)
    rows = {
        name: cells(tables.tables[name], schema.tables[name], date_format).rows(named=True)
        for name in schema.tables
        if name in tables
    }
    by_child = {name: _by_child(table_rows) for name, table_rows in rows.items()}
    header_rows = rows.get("Header", [])
    _refuse_unplaceable(header_rows, by_child)
    notes = tuple(_carried_differences(header_rows, by_child))
    data = _return(header_rows, by_child)
    files = [ReturnFile(request.output, data, "the return", notes=notes)]
    if SOCIAL_WORKERS in schema.tables and SOCIAL_WORKERS in rows:
        path = _beside(request.output, "social-workers", ".xml")
        data = _social_workers(rows[SOCIAL_WORKERS])
        files.append(ReturnFile(path, data, "social-worker episodes"))
    if DEPRIVATION_OF_LIBERTY in schema.tables and DEPRIVATION_OF_LIBERTY in rows:
        # NOTE: DfE publishes no XML form of the 2026-27 deprivation of liberty orders; they go
        # as the table DfE's CSV format describes (formats.md §1.1, §1.3).
        path = _beside(request.output, "deprivation-of-liberty", ".csv")
        table = pl.DataFrame(
            rows[DEPRIVATION_OF_LIBERTY],
            schema=dict.fromkeys(schema.tables[DEPRIVATION_OF_LIBERTY].file_columns, pl.String),
            orient="row",
        )
        data = table.write_csv(line_terminator="\n").encode("utf-8")
        files.append(ReturnFile(path, data, "deprivation of liberty orders", kind="csv"))
    return files


def _beside(output: Path, what: str, suffix: str) -> Path:
    return output.with_name(f"{output.stem}-{what}{suffix}")


def _by_child(rows: list[Row]) -> dict[str | None, list[Row]]:
    grouped: dict[str | None, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["CHILD"]].append(row)
    return grouped


def _refuse_unplaceable(header_rows: list[Row], by_child: dict[str, dict]) -> None:
    """Every row must have a place in the XML: under a CHILD of the Header table. A child given
    twice in Header is written twice, its records under the first, and each of its UASC, OC3
    or AD1 rows in a HEADER of its own, so that reading the file back gives the same rows."""
    problems: list[Unplaceable] = []
    occurrences = Counter(row["CHILD"] for row in header_rows)
    for table, grouped in by_child.items():
        if table in ("Header", SOCIAL_WORKERS, DEPRIVATION_OF_LIBERTY):
            continue
        for child, child_rows in grouped.items():
            if child not in occurrences:
                problems.append(
                    Unplaceable(table, (("CHILD", child),), "is not in the Header table")
                )
            elif table in INLINE and len(child_rows) > occurrences[child]:
                problems.append(
                    Unplaceable(
                        table,
                        (("CHILD", child),),
                        f"has {len(child_rows)} rows; the XML holds one per child in the "
                        "Header table",
                    )
                )
    refuse(problems, SHOWN)


def _carried_differences(
    header_rows: list[Row], by_child: dict[str, dict[str | None, list[Row]]]
) -> list[str]:
    """Rows whose DOB (or SEX) differs from the child's Header: the XML holds the Header's."""
    headers = {row["CHILD"]: row for row in header_rows}
    found: list[str] = []
    for table, grouped in by_child.items():
        if table in ("Header", "Episodes", SOCIAL_WORKERS, DEPRIVATION_OF_LIBERTY):
            continue
        for child, rows in grouped.items():
            header = headers.get(child, {})
            for row in rows:
                for column in ("SEX", "DOB"):
                    if column in row and row[column] != header.get(column):
                        found.append(
                            f"{table}: CHILD {child} has {column} {row[column] or '(blank)'}, "
                            f"the Header {header.get(column) or '(blank)'}; the XML holds "
                            "the Header's"
                        )
    return found


def _return(header_rows: list[Row], by_child: dict[str, dict[str | None, list[Row]]]) -> bytes:
    root = etree.Element(ROOT)
    seen: Counter[str | None] = Counter()
    for header_row in header_rows:
        child_id = header_row["CHILD"]
        occurrence = seen[child_id]
        seen[child_id] += 1
        child = etree.SubElement(root, CHILD)
        header = etree.SubElement(child, HEADER)
        own = dict(header_row)
        uasc = False
        for table in INLINE:
            found = by_child.get(table, {}).get(child_id, [])
            if len(found) > occurrence:
                row = found[occurrence]
                own.update({k: v for k, v in row.items() if k not in CARRIED[table]})
                uasc |= table == "UASC"
        own["UASC"] = "1" if uasc else "0"
        # A child given twice in Header has its records under the first CHILD only.
        records = by_child if occurrence == 0 else {}
        for part in HEADER_SEQUENCE:
            if isinstance(part, Record):
                for row in records.get(part.table, {}).get(child_id, []):
                    _record(header, part, row)
            else:
                item(header, element(part), own.get(part), part in HEADER_REQUIRED)
        for row in records.get(EPISODE_RECORD.table, {}).get(child_id, []):
            _record(child, EPISODE_RECORD, row)
    return serialise(root)


def _social_workers(rows: list[Row]) -> bytes:
    root = etree.Element(ROOT)
    for child_id, child_rows in _by_child(rows).items():
        child = etree.SubElement(root, CHILD)
        first = child_rows[0]
        for column in SW_IDENTITY:
            item(child, element(column), first[column] if column != "CHILD" else child_id, True)
        for row in child_rows:
            _record(child, SW_RECORD, row)
    return serialise(root)


def _record(parent: etree._Element, record: Record, row: Row) -> None:
    block = etree.SubElement(parent, record.element)
    for name in record.items:
        item(block, element(name), row.get(name), name in record.required)
