"""SSDA903 rows with a blank CHILD are never one child's rows (issue 15 §1).

Two children's CHILD is blanked in every table, first one child's, then both. Whatever the rules
make of the first child's rows, blanking the other child's too must not change it: a blank CHILD
never joins, groups or orders a row with another blank CHILD's rows.
"""

import shutil
from pathlib import Path

import polars as pl
import pytest

from csc_validate.check import check

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "ssda903"
# The bundled examples' files and the tables they hold.
TABLES = {
    "ad1": "AD1",
    "episodes": "Episodes",
    "header": "Header",
    "missing": "Missing",
    "oc2": "OC2",
    "oc3": "OC3",
    "placed_for_adoption": "PlacedAdoption",
    "previous_permanence": "PrevPerm",
    "reviews": "Reviews",
    "sw_episodes": "SWEpisodes",
    "uasc": "UASC",
}


def _blank(folder: Path, children: set[str]) -> None:
    for path in folder.glob("*.csv"):
        frame = pl.read_csv(path, infer_schema=False)
        if "CHILD" in frame.columns:
            blank = pl.when(pl.col("CHILD").is_in(children)).then(None).otherwise(pl.col("CHILD"))
            frame.with_columns(CHILD=blank).write_csv(path)


def _findings_on(folder: Path, previous: Path, rows: dict[str, set[int]]) -> set[tuple]:
    report = check([folder], previous=[previous])
    return {(f.rule, f.table, f.row) for f in report.findings if f.row in rows.get(f.table, ())}


def _rows_of(folder: Path, child: str) -> dict[str, set[int]]:
    rows = {}
    for path in folder.glob("*.csv"):
        frame = pl.read_csv(path, infer_schema=False)
        if "CHILD" in frame.columns:
            found = frame.with_row_index()["index"].filter(frame["CHILD"] == child)
            rows[TABLES[path.stem]] = set(found.to_list())
    return rows


@pytest.fixture(scope="module")
def busiest() -> tuple[str, str]:
    episodes = pl.read_csv(EXAMPLES / "2025-26" / "episodes.csv", infer_schema=False)
    counts = episodes.group_by("CHILD").len().sort(["len", "CHILD"], descending=True)
    first, second = counts["CHILD"][:2].to_list()
    return first, second


def test_a_blank_child_never_meets_another_blank_child(
    tmp_path: Path, busiest: tuple[str, str]
) -> None:
    previous = Path(shutil.copytree(EXAMPLES / "2024-25", tmp_path / "2024-25"))
    alone, other = busiest
    one = Path(shutil.copytree(EXAMPLES / "2025-26", tmp_path / "one"))
    rows = _rows_of(one, alone)
    _blank(one, {alone})
    both = Path(shutil.copytree(EXAMPLES / "2025-26", tmp_path / "both"))
    _blank(both, {alone, other})
    assert _findings_on(both, previous, rows) == _findings_on(one, previous, rows)
