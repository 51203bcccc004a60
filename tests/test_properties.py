"""Properties that must hold for any input, checked with hypothesis."""

import csv
import datetime as dt
import io

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from csc_validate.periods import parse_year, year_containing
from csc_validate.readers import delimited
from csc_validate.rulekit import age_on

# Printable text including the characters that make CSV hard: commas, quotes, line breaks.
cells = st.text(alphabet=st.sampled_from('ab1 ,"\n\r£é;'), max_size=8)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=6))
def test_any_csv_written_by_a_spreadsheet_reads_back_cell_for_cell(
    rows: list[list[str]],
) -> None:
    # A row whose cells are all blank is a blank line, which readers skip.
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(["CHILD", "SEX", "DOB"])
    starts = []
    for row in rows:
        # Lines as editors count them: CRLF, LF and a lone CR each end one.
        text = buffer.getvalue().replace("\r\n", "\n").replace("\r", "\n")
        starts.append(text.count("\n") + 1)
        writer.writerow(row)
    sheet = delimited.read(buffer.getvalue().encode("utf-8"), "f.csv")
    assert sheet.lines == starts
    for position, name in enumerate(["CHILD", "SEX", "DOB"]):
        expected = [row[position] if row[position] != "" else None for row in rows]
        assert sheet.columns[name] == expected


dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(born=dates, on=dates)
def test_age_is_completed_years(born: dt.date, on: dt.date) -> None:
    frame = pl.DataFrame({"DOB": [born]})
    age = frame.select(age_on(pl.col("DOB"), on)).item()
    expected = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    assert age == expected


@given(day=dates)
def test_every_day_falls_in_the_collection_year_named_for_it(day: dt.date) -> None:
    period = parse_year(year_containing(day))
    assert period.start <= day <= period.end
