"""Reads the DfE SSDA903 XML return (root EXPSSDA903) into one sheet per table."""

from collections import defaultdict
from pathlib import Path

from lxml import etree

from csc_validate.collections.ssda903.xml_mapping import (
    CARRIED,
    CHILD,
    EPISODE,
    HEADER,
    HEADER_COLUMNS,
    HEADER_GROUPS,
    HEADER_RECORDS,
    IDENTITY,
    RECORD_COLUMNS,
    RENAMED,
    RETURN_TABLES,
    ROOT,
    SW_RECORD,
)
from csc_validate.collections.ssda903.xml_shape import Shape
from csc_validate.readers.sheets import Sheet
from csc_validate.readers.xml_safety import open_events


class _Rows:
    """Collects the rows of one table: cells by column, with line and XPath per row."""

    def __init__(self) -> None:
        self.records: list[dict[str, str | None]] = []
        self.lines: list[int] = []
        self.xpaths: list[str] = []

    def add(self, record: dict[str, str | None], line: int, xpath: str) -> None:
        self.records.append(record)
        self.lines.append(line)
        self.xpaths.append(xpath)

    def sheet(self, file: str, table: str) -> Sheet:
        names = list(dict.fromkeys(name for record in self.records for name in record))
        columns = {name: [record.get(name) for record in self.records] for name in names}
        return Sheet(
            file=file,
            columns=columns,
            lines=self.lines,
            table=table,
            xpaths=self.xpaths,
            source_format="xml",
        )


def read(path: Path, file: str) -> tuple[list[Sheet], list[str]]:
    """Flatten every CHILD into rows of Header, Episodes, the tables nested in HEADER and the
    social-worker episodes. A file of the return gives all of its tables, with rows or not; a
    file of social-worker episodes only (children with no more than an id, a date of birth
    and their episodes) gives only those.

    Streamed: each CHILD is read when it closes, then dropped from memory.
    """
    tables: dict[str, _Rows] = defaultdict(_Rows)
    shape = Shape(file)
    child_number = 0
    holds_return = False
    for _, part in open_events(path, file, events=("end",)):
        parent = part.getparent()
        if parent is None or parent.getparent() is not None:
            continue  # the root, or a part of a CHILD: read with its CHILD
        if shape.local(part) != CHILD:
            shape.stray(part, ROOT)
        else:
            shape.child(part)
            child_number += 1
            holds_return |= _read_child(part, f"/{ROOT}/{CHILD}[{child_number}]", tables)
        part.clear()
        while part.getprevious() is not None:
            del parent[0]
    names = list(RETURN_TABLES) if holds_return or not child_number else []
    if "SWEpisodes" in tables or not holds_return:
        names.append("SWEpisodes")
    return [tables[name].sheet(file, name) for name in names], shape.notes()


def _read_child(child: etree._Element, child_path: str, tables: dict[str, "_Rows"]) -> bool:
    """Add the child's rows; whether the child is one of the return's (more than social-worker
    episodes)."""
    header = child.find(HEADER)
    own = _leaves(header if header is not None else child)
    header_path = f"{child_path}/{HEADER}" if header is not None else child_path
    header_line = header.sourceline if header is not None else child.sourceline
    _social_worker_episodes(child, own, tables, child_path)
    if header is not None:
        _social_worker_episodes(header, own, tables, header_path)
    if _only_social_worker_episodes(child, header, own):
        return False
    tables["Header"].add({name: own.get(name) for name in HEADER_COLUMNS}, header_line, header_path)
    for table, items in HEADER_GROUPS.items():
        if _has_record(table, items, own):
            record = {name: own.get(name) for name in CARRIED[table] + items}
            tables[table].add(record, header_line, header_path)
    if header is not None:
        _nested_records(header, own, tables, header_path)
    for number, episode in enumerate(child.iterchildren(EPISODE), start=1):
        record = {"CHILD": own.get("CHILD"), **_blank(EPISODE), **_leaves(episode)}
        tables["Episodes"].add(record, episode.sourceline, f"{child_path}/{EPISODE}[{number}]")
    return True


def _only_social_worker_episodes(
    child: etree._Element, header: etree._Element | None, own: dict[str, str | None]
) -> bool:
    """A child of a social-worker file: its id, date of birth and episodes, nothing else."""
    parents = [child] if header is None else [child, header]
    if not any(parent.find(SW_RECORD.element) is not None for parent in parents):
        return False
    nested = header is not None and any(str(e.tag) in HEADER_RECORDS for e in header)
    return set(own) <= IDENTITY and child.find(EPISODE) is None and not nested


def _social_worker_episodes(
    parent: etree._Element, own: dict[str, str | None], tables: dict[str, _Rows], path: str
) -> None:
    for number, episode in enumerate(parent.iterchildren(SW_RECORD.element), start=1):
        record = {
            "CHILD": own.get("CHILD"),
            "DOB": own.get("DOB"),
            **_blank(SW_RECORD.element),
            **_leaves(episode),
        }
        xpath = f"{path}/{SW_RECORD.element}[{number}]"
        tables["SWEpisodes"].add(record, episode.sourceline, xpath)


def _has_record(table: str, items: tuple[str, ...], own: dict[str, str | None]) -> bool:
    # NOTE: every child has a UASC flag; only a child flagged 1, or with a DUC, has a UASC row.
    if table == "UASC":
        return (own.get("UASC") or "").strip() not in ("", "0") or own.get("DUC") is not None
    # An OC3 or AD1 row carries the child's items: the child has one when any is present.
    return any(own.get(item) is not None for item in items)


def _nested_records(
    header: etree._Element, own: dict[str, str | None], tables: dict[str, _Rows], path: str
) -> None:
    counts: dict[str, int] = defaultdict(int)
    for element in header:
        table = HEADER_RECORDS.get(str(element.tag))
        if table is None:
            continue
        counts[element.tag] += 1
        record = {
            "CHILD": own.get("CHILD"),
            "DOB": own.get("DOB"),
            **_blank(str(element.tag)),
            **_leaves(element),
        }
        tables[table].add(
            record, element.sourceline, f"{path}/{element.tag}[{counts[element.tag]}]"
        )


def _blank(tag: str) -> dict[str, str | None]:
    """The record's columns, blank: an optional item that no record in the file has is absent
    from the file, not a missing column."""
    return dict.fromkeys(RECORD_COLUMNS.get(tag, ()))


def _leaves(element: etree._Element) -> dict[str, str | None]:
    """The element's childless children as {column: text}; empty elements are blank."""
    values: dict[str, str | None] = {}
    for item in element:
        if not isinstance(item.tag, str) or len(item):
            continue
        text = item.text if item.text is not None and item.text.strip() else None
        # An item given twice is read once, the first, as the shape's note says.
        values.setdefault(RENAMED.get(item.tag, item.tag), text)
    return values
