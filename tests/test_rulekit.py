"""The generic rule kit: helpers every collection's rules may use."""

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_years_before_keeps_the_day_and_turns_29_february_into_28() -> None:
    import datetime as dt

    from csc_validate.rulekit import years_before

    assert years_before(dt.date(2025, 3, 31), 6) == dt.date(2019, 3, 31)
    assert years_before(dt.date(2028, 2, 29), 1) == dt.date(2027, 2, 28)
    assert years_before(dt.date(2028, 2, 29), 4) == dt.date(2024, 2, 29)
    assert years_before(dt.date(2025, 4, 1), 0) == dt.date(2025, 4, 1)


@given(
    day=st.dates(dt.date(2001, 1, 1), dt.date(2040, 12, 31)),
    dob=st.dates(dt.date(1980, 1, 1), dt.date(2040, 12, 31)),
    years=st.integers(0, 20),
)
@settings(max_examples=200, deadline=None)
def test_born_by_years_before_is_being_that_old_by_age_on(
    day: dt.date, dob: dt.date, years: int
) -> None:
    from csc_validate.rulekit import age_on, years_before

    age = pl.select(age_on(pl.lit(dob, dtype=pl.Date), day)).item()
    assert (dob <= years_before(day, years)) == (age >= years)


def test_previous_period_is_last_years_whole_period_even_on_a_year_to_date_check() -> None:
    from csc_validate import schemas
    from csc_validate.periods import parse_year
    from csc_validate.rulekit import RuleContext
    from csc_validate.tables import Tables

    tables = Tables(collection="ssda903", year="2024-25", tables={})
    as_at = parse_year("2024-25").up_to(dt.date(2025, 2, 28))
    context = RuleContext(tables, schemas.load("ssda903", "2024-25"), as_at)
    assert (context.previous_period.start, context.previous_period.end) == (
        dt.date(2023, 4, 1),
        dt.date(2024, 3, 31),
    )


def test_from_year_is_the_year_and_every_later_pack() -> None:
    import pytest

    from csc_validate import packs
    from csc_validate.rulekit import from_year

    years = packs.years("ssda903")
    assert from_year("ssda903", years[1]) == tuple(years[1:])
    assert from_year("ssda903", years[-1]) == (years[-1],)
    with pytest.raises(ValueError, match="no cin pack for 1999-00"):
        from_year("cin", "1999-00")


def _context(tables: dict | None = None, references=None):
    from csc_validate import schemas
    from csc_validate.rulekit import RuleContext
    from csc_validate.tables import Tables

    given = Tables(collection="ssda903", year="2024-25", tables=tables or {})
    return RuleContext(given, schemas.load("ssda903", "2024-25"), None, references)


def test_history_needs_last_years_table_unless_told_it_may_be_absent() -> None:
    import pytest

    from csc_validate.rulekit import MissingTableError

    context = _context()
    with pytest.raises(MissingTableError):
        context.history("Episodes")
    rows = context.history("Episodes", required=False).collect()
    assert rows.height == 0 and rows["_year"].dtype == pl.String


def test_a_context_reads_the_reference_data_given_and_says_what_is_missing() -> None:
    from csc_validate.reference import References, ReferenceSource

    assert _context().unmet(("--la",)) == ("--la",)
    lookup = pl.DataFrame({"pcd": ["W1A 1AA"]})
    given = References({"postcodes": ReferenceSource("--postcodes", lambda: lookup)})
    context = _context(references=given)
    assert context.reference("postcodes").collect().equals(lookup)
    assert context.unmet(("--postcodes", "--la")) == ("--la",)


def test_asking_for_a_code_list_the_schema_lacks_names_it_and_the_year() -> None:
    import pytest

    with pytest.raises(KeyError, match="no code list 'NO_SUCH' in the 2024-25 schema"):
        _context().codes("NO_SUCH")
