"""Shared rule expressions: periods of care and the OC2 cohort on awkward histories."""

import datetime as dt

import polars as pl

from csc_validate.collections.ssda903.rulekit import continuously_looked_after, with_periods_of_care

START, END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)


def episodes(*rows: tuple[str, str, str | None, str | None, str]) -> pl.LazyFrame:
    """Rows of (CHILD, DECOM, DEC, RNE, LS) with ISO dates."""
    as_date = [None if v is None else dt.date.fromisoformat(v) for v in (r[1] for r in rows)]
    ends = [None if r[2] is None else dt.date.fromisoformat(r[2]) for r in rows]
    return pl.DataFrame(
        {
            "_row": list(range(len(rows))),
            "CHILD": [r[0] for r in rows],
            "DECOM": as_date,
            "DEC": ends,
            "RNE": [r[3] for r in rows],
            "LS": [r[4] for r in rows],
        },
        schema_overrides={"DECOM": pl.Date, "DEC": pl.Date},
    ).lazy()


def test_a_blank_reason_for_new_episode_does_not_start_a_period() -> None:
    frame = episodes(
        ("1", "2024-01-01", "2024-06-01", "S", "C2"),
        ("1", "2024-06-01", None, None, "C2"),
    )
    periods = with_periods_of_care(frame).collect()
    assert periods["period"].to_list() == [1, 1]
    assert periods["period_start"].to_list() == [dt.date(2024, 1, 1)] * 2


def test_the_oc2_cohort_uses_the_latest_period_and_leaves_out_short_breaks() -> None:
    frame = episodes(
        # In care since 2024 without a break: in the cohort.
        ("1", "2024-01-01", "2024-06-01", "S", "C2"),
        ("1", "2024-06-01", None, "P", "C2"),
        # An old episode left open by mistake, then a later period that ended: not in it.
        ("2", "2023-01-01", None, "S", "C2"),
        ("2", "2025-06-01", "2025-09-01", "S", "C2"),
        # Short breaks only: not looked after in the OC2 sense.
        ("3", "2024-01-01", None, "S", "V3"),
        # Started after 1 April: not 12 months yet.
        ("4", "2025-04-02", None, "S", "C2"),
        # Started on 1 April last year and still in care: exactly 12 months.
        ("5", "2025-04-01", None, "S", "C2"),
    )
    cohort = continuously_looked_after(frame, START, END, ["V3", "V4"]).collect()
    assert sorted(cohort["CHILD"].to_list()) == ["1", "5"]
