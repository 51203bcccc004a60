"""CIN children are told apart by their Child element, never by LAchildID (issue 15 §1).

A census is checked as written, then with every LAchildID blanked and with every child given
the same LAchildID: apart from the rules about the ID itself, the findings must not change.
"""

import re
from pathlib import Path

import pytest

from csc_validate.check import check
from csc_validate.collections.cin import synthetic

# The rules whose subject is the LA child ID itself: blank (8500), repeated (8510), too long
# (1570), not letters and digits (1580).
ID_RULES = {"8500", "8510", "1570", "1580"}
CHILD_ID = re.compile(rb"<LAchildID>[^<]*</LAchildID>")


def _findings(path: Path) -> set[tuple[str, str, int | None]]:
    report = check([path])
    assert not report.crashes
    return {(f.rule, f.table, f.row) for f in report.findings if f.rule not in ID_RULES}


@pytest.fixture(scope="module")
def census(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cin") / "cin.xml"
    synthetic.write(synthetic.generate(300, seed=15, year="2025-26", error_rate=0.3), path)
    return path


@pytest.mark.parametrize(
    "replacement", [b"<LAchildID></LAchildID>", b"<LAchildID>A1</LAchildID>"], ids=["blank", "same"]
)
def test_findings_do_not_depend_on_the_child_ids(
    census: Path, tmp_path: Path, replacement: bytes
) -> None:
    as_written = _findings(census)
    assert as_written, "the generated census should hold mistakes to find"
    changed = tmp_path / "changed.xml"
    changed.write_bytes(CHILD_ID.sub(replacement, census.read_bytes()))
    assert _findings(changed) == as_written


def test_each_blank_or_repeated_id_is_reported_once_per_child(census: Path, tmp_path: Path) -> None:
    children = census.read_bytes().count(b"<LAchildID>")
    for replacement, rule in (
        (b"<LAchildID></LAchildID>", "8500"),
        (b"<LAchildID>A1</LAchildID>", "8510"),
    ):
        changed = tmp_path / f"{rule}.xml"
        changed.write_bytes(CHILD_ID.sub(replacement, census.read_bytes()))
        flagged = [f for f in check([changed]).findings if f.rule == rule]
        assert len(flagged) == children
        assert {f.table for f in flagged} == {"ChildIdentifiers"}
