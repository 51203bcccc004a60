"""England's working-day calendar on the awkward years: moved, extra and substitute holidays."""

import datetime as dt

import polars as pl
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from csc_validate.rulekit import (
    england_bank_holidays,
    is_working_day,
    working_days_after,
    working_days_before,
    working_days_between,
)

D = dt.date

# Inside the calendar's years, with room for the largest step the properties take.
any_day = st.dates(min_value=D(1995, 1, 1), max_value=D(2045, 12, 31))
steps = st.integers(min_value=1, max_value=300)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # 2020: the early May bank holiday moved from Monday 4 May to Friday 8 May (VE day).
        (D(2020, 5, 4), True),
        (D(2020, 5, 7), True),
        (D(2020, 5, 8), False),
        (D(2020, 5, 11), True),
        # 2021-22: Christmas and New Year on weekends, with substitute days.
        (D(2021, 12, 24), True),
        (D(2021, 12, 27), False),
        (D(2021, 12, 28), False),
        (D(2021, 12, 29), True),
        (D(2021, 12, 31), True),
        (D(2022, 1, 3), False),
        (D(2022, 1, 4), True),
        # 2022: the spring bank holiday moved to Thursday 2 June, then the platinum jubilee.
        (D(2022, 5, 30), True),
        (D(2022, 6, 1), True),
        (D(2022, 6, 2), False),
        (D(2022, 6, 3), False),
        (D(2022, 6, 6), True),
        # 2022: the state funeral of Queen Elizabeth II.
        (D(2022, 9, 16), True),
        (D(2022, 9, 19), False),
        (D(2022, 9, 20), True),
        # 2023: the coronation, a week after the early May bank holiday.
        (D(2023, 5, 1), False),
        (D(2023, 5, 5), True),
        (D(2023, 5, 8), False),
        (D(2023, 5, 9), True),
        # 2024: Easter at the very start of April.
        (D(2024, 3, 28), True),
        (D(2024, 3, 29), False),
        (D(2024, 4, 1), False),
        (D(2024, 4, 2), True),
        # 2025: Easter late in April.
        (D(2025, 4, 17), True),
        (D(2025, 4, 18), False),
        (D(2025, 4, 21), False),
        (D(2025, 4, 22), True),
        # Scotland's holidays are not England's.
        (D(2025, 1, 2), True),
        (D(2024, 8, 5), True),
        (D(2024, 8, 26), False),
        # A plain weekend.
        (D(2024, 3, 30), False),
        (D(2024, 3, 31), False),
    ],
)
def test_working_days_follow_england_bank_holidays(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working


def test_the_calendar_comes_from_the_holidays_package_for_a_wide_range_of_years() -> None:
    calendar = england_bank_holidays()
    assert calendar == tuple(sorted(calendar))
    assert min(calendar).year == 1990
    assert max(calendar).year == 2050
    assert england_bank_holidays() is calendar


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        # DfE's "one working day prior to the collection start date" for 1 April 2024.
        (D(2024, 4, 1), 1, D(2024, 3, 28)),
        (D(2024, 4, 2), 1, D(2024, 3, 28)),
        (D(2024, 4, 3), 1, D(2024, 4, 2)),
        (D(2024, 4, 1), 2, D(2024, 3, 27)),
        # From a weekend.
        (D(2024, 3, 30), 1, D(2024, 3, 28)),
        (D(2024, 3, 31), 1, D(2024, 3, 28)),
        (D(2020, 5, 5), 1, D(2020, 5, 4)),
        (D(2020, 5, 11), 1, D(2020, 5, 7)),
        (D(2022, 6, 6), 1, D(2022, 6, 1)),
        (D(2022, 9, 20), 1, D(2022, 9, 16)),
        (D(2023, 5, 9), 1, D(2023, 5, 5)),
        (D(2025, 4, 22), 1, D(2025, 4, 17)),
        (D(2021, 12, 29), 1, D(2021, 12, 24)),
        (D(2022, 1, 4), 1, D(2021, 12, 31)),
        (D(2022, 1, 4), 2, D(2021, 12, 30)),
    ],
)
def test_working_days_before(day: dt.date, n: int, expected: dt.date) -> None:
    assert working_days_before(day, n) == expected


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (D(2024, 3, 28), 1, D(2024, 4, 2)),
        (D(2024, 3, 29), 1, D(2024, 4, 2)),
        (D(2024, 3, 30), 1, D(2024, 4, 2)),
        (D(2024, 4, 1), 1, D(2024, 4, 2)),
        (D(2024, 3, 27), 1, D(2024, 3, 28)),
        (D(2020, 5, 7), 1, D(2020, 5, 11)),
        (D(2020, 5, 1), 1, D(2020, 5, 4)),
        (D(2022, 6, 1), 1, D(2022, 6, 6)),
        (D(2022, 5, 27), 1, D(2022, 5, 30)),
        (D(2022, 9, 16), 1, D(2022, 9, 20)),
        (D(2023, 5, 5), 1, D(2023, 5, 9)),
        (D(2025, 4, 17), 1, D(2025, 4, 22)),
        (D(2021, 12, 24), 1, D(2021, 12, 29)),
        (D(2021, 12, 31), 1, D(2022, 1, 4)),
        (D(2021, 12, 24), 3, D(2021, 12, 31)),
    ],
)
def test_working_days_after(day: dt.date, n: int, expected: dt.date) -> None:
    assert working_days_after(day, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # The start counts, the end does not: only 28 March 2024 here.
        (D(2024, 3, 28), D(2024, 4, 2), 1),
        (D(2024, 3, 28), D(2024, 4, 3), 2),
        (D(2024, 3, 29), D(2024, 4, 2), 0),
        (D(2024, 3, 28), D(2024, 3, 28), 0),
        (D(2024, 4, 1), D(2024, 4, 2), 0),
        # Backwards, the start still counts and the end does not.
        (D(2024, 4, 2), D(2024, 3, 28), -1),
        (D(2024, 4, 2), D(2024, 4, 1), -1),
        (D(2024, 4, 1), D(2024, 3, 28), 0),
        # 24, 29, 30 and 31 December 2021.
        (D(2021, 12, 24), D(2022, 1, 4), 4),
        # 2 to 5 and 9 to 12 May 2023.
        (D(2023, 5, 1), D(2023, 5, 15), 8),
        # 4 to 7 May 2020.
        (D(2020, 5, 4), D(2020, 5, 11), 4),
        # 262 weekdays in 2024, eight of them bank holidays.
        (D(2024, 1, 1), D(2025, 1, 1), 254),
    ],
)
def test_working_days_between(start: dt.date, end: dt.date, expected: int) -> None:
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize("n", [0, -1])
def test_a_step_of_fewer_than_one_working_day_is_refused(n: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        working_days_before(D(2024, 4, 1), n)
    with pytest.raises(ValueError, match="at least 1"):
        working_days_after(pl.col("day"), n)


def test_the_expression_forms_work_on_a_column_and_keep_nulls() -> None:
    frame = pl.LazyFrame(
        {"day": [D(2024, 4, 1), D(2022, 6, 6), D(2021, 12, 31), None]},
        schema={"day": pl.Date},
    )
    day = pl.col("day")
    result = frame.select(
        working=is_working_day(day),
        before=working_days_before(day, 1),
        after=working_days_after(day, 1),
        week_on=working_days_between(day, day + pl.duration(days=7)),
    ).collect()
    assert result.to_dicts() == [
        {"working": False, "before": D(2024, 3, 28), "after": D(2024, 4, 2), "week_on": 4},
        {"working": True, "before": D(2022, 6, 1), "after": D(2022, 6, 7), "week_on": 5},
        {"working": True, "before": D(2021, 12, 30), "after": D(2022, 1, 4), "week_on": 4},
        {"working": None, "before": None, "after": None, "week_on": None},
    ]


def test_a_column_can_be_counted_against_a_date_either_way_round() -> None:
    frame = pl.LazyFrame(
        {"day": [D(2024, 3, 27), D(2024, 3, 28), D(2024, 4, 2), None]},
        schema={"day": pl.Date},
    )
    day = pl.col("day")
    result = frame.select(
        to_easter_monday=working_days_between(day, D(2024, 4, 1)),
        from_easter_monday=working_days_between(D(2024, 4, 1), day),
    ).collect()
    # The start counts and the end does not, whichever is earlier; Easter Monday never counts.
    assert result["to_easter_monday"].to_list() == [2, 1, -1, None]
    assert result["from_easter_monday"].to_list() == [-1, 0, 0, None]


def test_a_referral_before_one_working_day_prior_to_1_april_2024() -> None:
    referrals = pl.LazyFrame(
        {"CINreferralDate": [D(2024, 3, 27), D(2024, 3, 28), D(2024, 3, 29), None]},
        schema={"CINreferralDate": pl.Date},
    )
    cutoff = working_days_before(D(2024, 4, 1), 1)
    flagged = referrals.filter(pl.col("CINreferralDate") < cutoff).collect()
    assert flagged["CINreferralDate"].to_list() == [D(2024, 3, 27)]


@given(day=any_day, n=steps)
def test_counting_back_n_working_days_spans_n_working_days(day: dt.date, n: int) -> None:
    before = working_days_before(day, n)
    assert before < day
    assert is_working_day(before)
    assert working_days_between(before, day) == n


@given(day=any_day, n=steps)
def test_counting_on_n_working_days_from_a_working_day_spans_n(day: dt.date, n: int) -> None:
    assume(is_working_day(day))
    after = working_days_after(day, n)
    assert after > day
    assert is_working_day(after)
    assert working_days_between(day, after) == n
    assert working_days_before(after, n) == day


@given(day=any_day, other=any_day, n=steps)
def test_a_date_at_or_before_the_cutoff_is_n_or_more_working_days_earlier(
    day: dt.date, other: dt.date, n: int
) -> None:
    at_or_before = other <= working_days_before(day, n)
    assert at_or_before == (working_days_between(other, day) >= n)


@given(days=st.lists(any_day, min_size=1, max_size=20), n=steps)
def test_the_date_and_column_forms_agree(days: list[dt.date], n: int) -> None:
    frame = pl.DataFrame({"day": days}, schema={"day": pl.Date})
    day = pl.col("day")
    result = frame.select(
        before=working_days_before(day, n),
        after=working_days_after(day, n),
        working=is_working_day(day),
    )
    assert result["before"].to_list() == [working_days_before(d, n) for d in days]
    assert result["after"].to_list() == [working_days_after(d, n) for d in days]
    assert result["working"].to_list() == [is_working_day(d) for d in days]
