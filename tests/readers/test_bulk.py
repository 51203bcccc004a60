"""Cycle collection is paused only while a return is read, and left as it was."""

import gc

import pytest

from csc_validate.readers.bulk import cycle_collection_paused, in_bulk


@pytest.mark.parametrize("was_on", [True, False])
def test_collection_is_paused_inside_and_left_as_it_was(was_on: bool) -> None:
    (gc.enable if was_on else gc.disable)()
    try:
        with cycle_collection_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is was_on
        with pytest.raises(ValueError), cycle_collection_paused():
            raise ValueError("a read that fails")
        assert gc.isenabled() is was_on
    finally:
        gc.enable()


def test_a_reader_in_bulk_runs_paused_and_returns_its_result() -> None:
    @in_bulk
    def read(rows: int) -> tuple[int, bool]:
        return rows, gc.isenabled()

    assert read(3) == (3, False)
    assert gc.isenabled()
