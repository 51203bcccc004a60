"""Shared rule expressions: periods of care, the OC2 cohort and the year end, on awkward data."""

import datetime as dt

import polars as pl
import pytest

from csc_validate.collections.ssda903.rulekit import (
    continuously_looked_after,
    looked_after_at_year_end,
    with_periods_of_care,
)
from csc_validate.collections.ssda903.rulekit.carryover import first_after_open_episode
from csc_validate.readers.casting import raw_name

START, END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
CODES = {"started_care": ["S"], "care_continues": ["X1"], "respite": ["V3", "V4"]}

Row = tuple[str, str | None, str | None, str | None, str, str | None]


def episodes(*rows: Row) -> pl.LazyFrame:
    """Rows of (CHILD, DECOM, DEC, RNE, LS, REC) with ISO dates; None is blank or unreadable
    (both are null once cast), and a DEC of "?" is written but unreadable."""
    return pl.DataFrame(
        {
            "_row": list(range(len(rows))),
            "CHILD": [r[0] for r in rows],
            "DECOM": [None if r[1] is None else dt.date.fromisoformat(r[1]) for r in rows],
            "DEC": [None if r[2] in (None, "?") else dt.date.fromisoformat(r[2]) for r in rows],
            raw_name("DEC"): [r[2] for r in rows],
            "RNE": [r[3] for r in rows],
            "LS": [r[4] for r in rows],
            "REC": [r[5] for r in rows],
        },
        schema_overrides={"DECOM": pl.Date, "DEC": pl.Date},
    ).lazy()


def cohort(*rows: Row) -> list[str]:
    found = continuously_looked_after(episodes(*rows), START, END, **CODES).collect()
    return sorted(found["CHILD"].to_list())


def test_a_blank_reason_for_new_episode_does_not_start_a_period() -> None:
    frame = episodes(
        ("1", "2024-01-01", "2024-06-01", "S", "C2", "X1"),
        ("1", "2024-06-01", None, None, "C2", None),
    )
    periods = with_periods_of_care(frame).collect()
    assert periods["period"].to_list() == [1, 1]
    assert periods["period_start"].to_list() == [dt.date(2024, 1, 1)] * 2


def test_a_child_in_care_all_year_is_in_the_cohort() -> None:
    assert cohort(
        ("1", "2024-01-01", "2024-06-01", "S", "C2", "X1"),
        ("1", "2024-06-01", None, "P", "C2", None),
    ) == ["1"]


@pytest.mark.parametrize(
    ("slip", "rows"),
    [
        (
            "the next episode starts before the previous one ended",
            [
                ("1", "2024-01-01", "2025-06-10", "S", "C2", "X1"),
                ("1", "2025-06-05", None, "P", "C2", None),
            ],
        ),
        (
            "a short gap between two episodes",
            [
                ("1", "2024-01-01", "2025-06-10", "S", "C2", "X1"),
                ("1", "2025-06-13", None, "P", "C2", None),
            ],
        ),
        (
            "an unreadable end date and start date between two episodes",
            [
                ("1", "2024-01-01", "?", "S", "C2", "X1"),
                ("1", None, None, "P", "C2", None),
            ],
        ),
        (
            "an earlier episode left open",
            [
                ("1", "2024-01-01", None, "S", "C2", None),
                ("1", "2025-06-10", None, "P", "C2", None),
            ],
        ),
        (
            "an end date before the episode's own start",
            [
                ("1", "2025-02-01", "2025-01-15", "S", "C2", "X1"),
                ("1", "2025-09-01", None, "P", "C2", None),
            ],
        ),
        (
            "a continuation whose start date cannot be read",
            [("1", None, None, "L", "C2", None)],
        ),
        (
            "a reason ceased on an episode with no end date: only an end date ends care",
            [("1", "2024-01-01", None, "S", "C2", "E8")],
        ),
        (
            "a blank reason for the end of an episode that continues",
            [
                ("1", "2024-01-01", "2025-06-10", "S", "C2", None),
                ("1", "2025-06-10", None, "P", "C2", None),
            ],
        ),
    ],
)
def test_slips_in_dates_do_not_drop_a_child_in_care_all_year(slip: str, rows: list[Row]) -> None:
    assert cohort(*rows) == ["1"], slip


@pytest.mark.parametrize(
    ("reason", "rows"),
    [
        (
            "a care-leaving reason followed by a same-day continuation",
            [
                ("1", "2024-01-01", "2025-06-10", "S", "C2", "E13"),
                ("1", "2025-06-10", None, "P", "C2", None),
            ],
        ),
        (
            "left care and came back in the year",
            [
                ("1", "2024-01-01", "2025-06-10", "S", "C2", "E13"),
                ("1", "2025-09-01", None, "S", "C2", None),
            ],
        ),
        (
            "started to be looked after on 2 April",
            [("1", "2025-04-02", None, "S", "C2", None)],
        ),
        (
            "re-entered care in the year after an old episode left open",
            [
                ("1", "2023-01-01", None, "S", "C2", None),
                ("1", "2025-06-01", None, "S", "C2", None),
            ],
        ),
        (
            "left care on 31 March",
            [("1", "2024-01-01", "2026-03-31", "S", "C2", "E8")],
        ),
        (
            "left care on 1 April",
            [("1", "2024-01-01", "2025-04-01", "S", "C2", "E8")],
        ),
        (
            "a care-leaving reason on an episode whose end date cannot be read",
            [("1", "2025-01-01", "?", "S", "C2", "E8")],
        ),
        (
            "a short break in the year",
            [
                ("1", "2024-01-01", None, "S", "C2", None),
                ("1", "2025-08-01", "2025-08-03", "S", "V3", "E13"),
            ],
        ),
        ("short breaks only", [("1", "2024-01-01", None, "S", "V4", None)]),
        (
            "not looked after on 1 April: the episode began in the year, coded as a continuation",
            [("1", "2025-06-01", None, "P", "C2", None)],
        ),
        (
            "not looked after on 1 April: earlier care ended on 31 March",
            [
                ("1", "2024-01-01", "2025-03-31", "S", "C2", "E13"),
                ("1", "2025-06-01", None, "P", "C2", None),
            ],
        ),
        (
            "the only episode is a new period of care whose start date cannot be read",
            [("1", None, None, "S", "C2", None)],
        ),
        (
            "care ended in the year, with the reason left blank",
            [("1", "2024-01-01", "2026-01-15", "S", "C2", None)],
        ),
    ],
)
def test_children_not_looked_after_all_year_are_left_out(reason: str, rows: list[Row]) -> None:
    assert cohort(*rows) == [], reason


def test_the_cohort_boundaries_are_1_april_and_31_march() -> None:
    assert cohort(
        # Started on 1 April: exactly 12 months at 31 March.
        ("1", "2025-04-01", None, "S", "C2", None),
        # Left care on 30 March: not "at 31 March".
        ("2", "2024-01-01", "2026-03-30", "S", "C2", "E8"),
        # A care-leaving reason on an episode that ended the day before the year.
        ("3", "2023-01-01", "2025-03-31", "S", "C2", "E8"),
        ("3", "2025-04-01", None, "S", "C2", None),
        # A short break that ended the day before the year, or starts after it.
        ("4", "2025-03-01", "2025-03-31", "S", "V3", "E13"),
        ("4", "2024-01-01", None, "S", "C2", None),
        ("5", "2026-04-01", None, "S", "V3", None),
        ("5", "2024-01-01", None, "S", "C2", None),
        # A short break that ended on 1 April falls in the year.
        ("6", "2025-03-01", "2025-04-01", "S", "V3", "E13"),
        ("6", "2024-01-01", None, "S", "C2", None),
    ) == ["1", "3", "4", "5"]


def test_children_looked_after_on_31_march() -> None:
    frame = episodes(
        ("open", "2024-01-01", None, "S", "C2", None),
        ("left on 31 March", "2024-01-01", "2026-03-31", "S", "C2", "E8"),
        ("left on 30 March", "2024-01-01", "2026-03-30", "S", "C2", "E8"),
        ("came back on 31 March", "2024-01-01", "2026-01-01", "S", "C2", "E8"),
        ("came back on 31 March", "2026-03-31", None, "S", "C2", None),
        ("end date unreadable, reason given", "2024-01-01", "?", "S", "C2", "E8"),
        ("end date unreadable, no reason", "2024-01-01", "?", "S", "C2", None),
        ("reason given, no end date", "2024-01-01", None, "S", "C2", "E8"),
        ("start date unreadable", None, None, "S", "C2", None),
        ("short break", "2026-03-01", None, "S", "V3", None),
    )
    found = looked_after_at_year_end(frame, END, ["V3", "V4"]).collect()
    assert sorted(found["CHILD"].to_list()) == [
        "came back on 31 March",
        "open",
        "reason given, no end date",
        "start date unreadable",
    ]


def carried_over(
    this_year: list[Row], last_year: list[Row], *, same_reason: bool
) -> list[tuple[str, int, str | None]]:
    """(CHILD, this year's _row, last year's LS) for each first episode after an open one. A DEC
    of "?" is unreadable: null once cast, but given."""
    unreadable = [(*row[:2], None, *row[3:]) if row[2] == "?" else row for row in last_year]
    last = episodes(*unreadable).with_columns(
        pl.Series(raw_name("DEC"), [row[2] for row in last_year], dtype=pl.String)
    )
    pairs = first_after_open_episode(episodes(*this_year), last, ["LS"], same_reason=same_reason)
    found = pairs.sort("_row").collect()
    return list(zip(found["CHILD"], found["_row"], found["last_LS"], strict=True))


def test_the_first_episode_is_paired_with_last_years_open_one() -> None:
    last_year: list[Row] = [
        ("open", "2024-01-01", None, "S", "C1", None),
        ("closed", "2024-01-01", "2025-03-01", "S", "C1", "E8"),
        ("end unreadable", "2024-01-01", "?", "S", "C1", None),
        ("open, then a later one closed", "2024-01-01", None, "S", "C1", None),
        ("open, then a later one closed", "2024-06-01", "2025-03-01", "P", "C2", "E8"),
        ("same start: the later row is last", "2024-01-01", None, "S", "C1", None),
        ("same start: the later row is last", "2024-01-01", None, "S", "C2", None),
        ("start unreadable", None, None, "S", "C1", None),
    ]
    this_year: list[Row] = [
        ("open", "2025-06-01", None, "P", "C2", None),
        ("open", "2025-04-01", None, "S", "C2", None),
        ("closed", "2025-04-01", None, "S", "C2", None),
        ("end unreadable", "2025-04-01", None, "S", "C2", None),
        ("open, then a later one closed", "2025-04-01", None, "P", "C2", None),
        ("same start: the later row is last", "2025-04-01", None, "S", "C2", None),
        ("start unreadable", "2025-04-01", None, "S", "C2", None),
        ("new to care", "2025-04-01", None, "S", "C2", None),
    ]
    assert carried_over(this_year, last_year, same_reason=False) == [
        ("open", 1, "C1"),
        ("same start: the later row is last", 5, "C2"),
    ]


def test_a_new_reason_for_new_episode_is_no_carry_over_when_the_reasons_must_agree() -> None:
    last_year: list[Row] = [
        ("same reason", "2024-01-01", None, "S", "C1", None),
        ("new reason", "2024-01-01", None, "S", "C1", None),
        ("reason blank both years", "2024-01-01", None, None, "C1", None),
        ("reason blank this year", "2024-01-01", None, "S", "C1", None),
    ]
    this_year: list[Row] = [
        ("same reason", "2025-04-01", None, "S", "C2", None),
        ("new reason", "2025-04-01", None, "P", "C2", None),
        ("reason blank both years", "2025-04-01", None, None, "C2", None),
        ("reason blank this year", "2025-04-01", None, None, "C2", None),
    ]
    assert carried_over(this_year, last_year, same_reason=True) == [
        ("same reason", 0, "C1"),
        ("reason blank both years", 2, "C1"),
    ]
    assert len(carried_over(this_year, last_year, same_reason=False)) == 4
