"""An --la that does not fit the return's home postcodes is said once; one that fits is not."""

import os
from pathlib import Path

import pytest

from csc_validate.check import check

ROOT = Path(__file__).resolve().parents[2]


def _notes(la: str) -> list[str]:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        # One postcode rule is enough for the check to read the postcodes; the note is the same.
        report = check([Path("examples/ssda903/2025-26")], la=la, select=["1015"])
    finally:
        os.chdir(cwd)
    return [note for note in report.notes if "home postcodes" in note]


@pytest.mark.parametrize("la", ["E09000027", "213 "])
def test_a_council_most_homes_lie_outside_is_named_once(la: str) -> None:
    notes = _notes(la)
    assert len(notes) == 1
    # The examples' children live in Leeds.
    assert notes[0].startswith("100% of home postcodes are in Leeds (E08000035), not ")
    assert f"({la.strip()})" in notes[0]


def test_the_council_the_homes_lie_in_is_not_questioned() -> None:
    assert _notes("383") == [] and _notes("E08000035") == []
