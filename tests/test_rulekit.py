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


def test_a_29_february_child_has_birthdays_on_1_march_in_common_years() -> None:
    import datetime as dt

    from csc_validate.rulekit import age_on, birthday

    born = pl.DataFrame({"dob": [dt.date(2008, 2, 29), dt.date(2008, 2, 28), None]})
    days = born.select(birthday(pl.col("dob"), 18), birthday(pl.col("dob"), 16).alias("b16"))
    assert days["dob"].to_list() == [dt.date(2026, 3, 1), dt.date(2026, 2, 28), None]
    assert days["b16"].to_list()[0] == dt.date(2024, 2, 29)  # a leap year keeps the day
    ages = born.select(
        age_on(pl.col("dob"), dt.date(2026, 2, 28)).alias("before"),
        age_on(pl.col("dob"), dt.date(2026, 3, 1)).alias("on"),
    )
    assert ages.row(0) == (17, 18) and ages.row(1) == (18, 18)
