"""The generic rule kit: helpers every collection's rules may use."""

import polars as pl

from csc_validate.rulekit import not_in_codes, whole_table_when


def test_whole_table_when_flags_the_table_once_or_not_at_all() -> None:
    frame = pl.LazyFrame({"code": ["A", "B", "B"]})
    flagged = whole_table_when(pl.col("code").n_unique() < 3, frame).collect()
    clean = whole_table_when(pl.col("code").n_unique() < 2, frame).collect()
    assert flagged["_row"].to_list() == [None]
    assert clean.height == 0


def test_whole_table_when_works_on_an_empty_table() -> None:
    empty = pl.LazyFrame({"code": []}, schema={"code": pl.String})
    assert whole_table_when(pl.len() == 0, empty).collect()["_row"].to_list() == [None]
    assert whole_table_when(pl.len() > 0, empty).collect().height == 0


def test_not_in_codes_leaves_blanks_alone() -> None:
    frame = pl.DataFrame({"code": ["A", None, "Z"]})
    assert frame.select(not_in_codes("code", ["A"]))["code"].to_list() == [False, False, True]
