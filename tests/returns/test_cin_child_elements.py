"""The CIN census writer places records under their child by ChildKey, not by LAchildID: two
children who share an LA child ID, or both have none, are two Child elements with their own
records, and a census read, written and read again keeps them apart (issue 15)."""

import re
from pathlib import Path

import polars as pl
import pytest

from csc_validate.pipeline.load import load
from csc_validate.reports.unwritable import locate
from csc_validate.returns import UnwritableReturnError
from tests.returns.conftest import EXAMPLES, write_return, write_tables

CENSUS = EXAMPLES / "cin" / "cin-2025-26.xml"
CHILD_ID = re.compile(rb"<LAchildID>[^<]*</LAchildID>")
# Columns that say where a row was read from, not what it holds.
PLACE = ("_row", "_line", "_xpath")


def _with_ids(tmp_path: Path, ids: list[str]) -> Path:
    """The example census with its first children's LA child IDs replaced by `ids` in order
    (an empty string leaves the ID blank)."""
    given = iter(ids)

    def replace(match: re.Match[bytes]) -> bytes:
        new = next(given, None)
        return match.group(0) if new is None else f"<LAchildID>{new}</LAchildID>".encode()

    path = tmp_path / "census.xml"
    path.write_bytes(CHILD_ID.sub(replace, CENSUS.read_bytes()))
    return path


def _records(path: Path) -> dict[str, pl.DataFrame]:
    """Every table's rows with the child (ChildKey: its Child element) each belongs to."""
    tables = load([path])
    return {
        name: (frame := loaded.typed.drop(PLACE, strict=False)).sort(frame.columns)
        for name, loaded in tables.tables.items()
        if name != "Header"
    }


@pytest.mark.parametrize(
    "ids", [["A", "A"], ["", ""], ["A", "", "A", ""]], ids=["one-id", "blank-ids", "both"]
)
def test_children_sharing_an_id_keep_their_own_records(tmp_path: Path, ids: list[str]) -> None:
    census = _with_ids(tmp_path, ids)
    files = write_return([census], tmp_path / "out" / "census.xml")
    written = files[0].path
    assert written.read_bytes().count(b"<Child>") == CENSUS.read_bytes().count(b"<Child>")
    before, after = _records(census), _records(written)
    assert before.keys() == after.keys()
    for name, frame in before.items():
        assert frame.equals(after[name]), name
    # Each child given a shared or blank ID is a Child element of its own.
    children = after["ChildIdentifiers"]
    for shared in ("A", None):
        given = children.filter(pl.col("LAchildID").eq_missing(shared))["ChildKey"]
        assert given.n_unique() == given.len() == ids.count(shared or "")


def test_a_csv_child_given_twice_or_without_an_id_is_refused_with_its_lines(
    tmp_path: Path,
) -> None:
    # In CSV files the LA child ID is all that ties a child's records to it.
    tables = write_tables([_with_ids(tmp_path, ["A", "A", ""])], tmp_path / "tables")
    with pytest.raises(UnwritableReturnError) as refused:
        write_return([tables], tmp_path / "out" / "census.xml")
    problems = {(row.table, row.keys[0], row.problem.split(";")[0]) for row in refused.value.rows}
    assert ("ChildIdentifiers", ("LAchildID", "A"), "is given twice") in problems
    untied = [row for row in refused.value.rows if row.keys[0] == ("LAchildID", None)]
    assert untied and all(
        "blank LA child ID ties a record to no child" in r.problem for r in untied
    )
    # Each refused record is given its lines in the CSV files.
    located = locate(refused.value.rows, load([tables]))
    assert all(item.lines for item in located)
