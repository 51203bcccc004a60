"""Properties that must hold for any input, checked with hypothesis."""

import copy
import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import Workbook

from csc_validate import collections, engine, packs, schemas
from csc_validate.check import check
from csc_validate.errors import InputError, UsageError
from csc_validate.findings import sort_key
from csc_validate.locate import locate
from csc_validate.periods import parse_year, year_containing
from csc_validate.readers import delimited
from csc_validate.reference import ReferenceRequest, References
from csc_validate.rulekit import Case, age_on, table
from csc_validate.schemas import ColumnSchema, ColumnType, YearSchema
from csc_validate.testing import build_tables

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


# --- every rule of a pack over any table of the schema's shape --------------------------------

PACK_YEAR = "2025-26"
# What hand-edited spreadsheets put in cells: junk, Excel errors, numbers with separators,
# dates in the wrong shape, stray spaces and non-ASCII.
ODD_VALUES = [
    "#N/A",
    "#REF!",
    "1,000",
    "0",
    "-1",
    "2025-04-01",
    "1/4/2025",
    "31/02/2025",
    "01/04/25",
    "ZZ/ZZ/2025",
    " ",
    "é£",
    "true",
    "NULL",
]
junk = st.text(alphabet=st.sampled_from('aZ09 -/#,."é\t'), max_size=6)
ids = st.sampled_from(["1", "2", "3"])


def _value(column: ColumnSchema, schema: YearSchema, date_pattern: str) -> st.SearchStrategy:
    options: list[st.SearchStrategy] = [st.just(""), junk, st.sampled_from(ODD_VALUES)]
    if column.type is ColumnType.ID:
        options.append(ids)
    if column.codes and schema.codes.get(column.codes):
        options += [st.sampled_from(schema.codes[column.codes])] * 2
    if column.type is ColumnType.DATE:
        options += [dates.map(lambda day: day.strftime(date_pattern))] * 2
    if column.type is ColumnType.INTEGER:
        options.append(st.integers(-3, 50).map(str))
    return st.one_of(options)


def _table(schema: YearSchema, name: str, date_pattern: str) -> st.SearchStrategy:
    columns = schema.tables[name].column_names
    # The first column is never blank, so that no row is a blank line the reader would skip.
    first = st.one_of(ids, st.sampled_from(ODD_VALUES[:4]))
    rest = [_value(schema.tables[name].column(c), schema, date_pattern) for c in columns[1:]]
    row = st.tuples(first, *rest).map(list)
    return st.lists(row, max_size=3).map(lambda rows: table(list(columns), *rows))


def _tables(collection: str, year: str) -> st.SearchStrategy:
    schema = schemas.load(collection, year)
    pattern = collections.get(collection).date_formats[0].pattern
    names = list(schema.tables)
    if collection == "ssda903":
        names += [f"{name}_last" for name in ("Header", "Episodes", "UASC", "OC3", "Missing")]
    # Each table is there three times in four, so that most rules have what they need.
    optional = {
        name: st.one_of(st.none(), *[_table(schema, name.removesuffix("_last"), pattern)] * 3)
        for name in names
    }
    return st.fixed_dictionaries(optional).map(
        lambda chosen: {name: value for name, value in chosen.items() if value is not None}
    )


def _findings(collection: str, year: str, tables: dict) -> tuple[list, list]:
    schema = schemas.load(collection, year)
    rules = list(packs.load(collection, year).ordered())
    loaded = build_tables(Case("generated", tables=tables), collection, year)
    # As `check --la 886` would: the council's code given, its provider lists not.
    request = ReferenceRequest(la="886")
    references = References(collections.get(collection).references(request, loaded))
    result = engine.run(rules, loaded, schema, references=references)
    findings = sorted(locate(result.hits, loaded, schema), key=sort_key)
    return [finding.model_dump() for finding in findings], result.crashes


PACKS = [
    (collection, year) for collection in packs.collections() for year in packs.years(collection)
]


@pytest.mark.parametrize(("collection", "year"), PACKS, ids=[f"{c}/{y}" for c, y in PACKS])
def test_every_rule_gives_findings_never_an_internal_error_and_the_same_twice(
    collection: str, year: str
) -> None:
    # The year the examples are written for gets the most; every other year is still tried.
    examples = 10 if year == PACK_YEAR else 3

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(tables=_tables(collection, year))
    def every_rule(tables: dict) -> None:
        first, crashes = _findings(collection, year, tables)
        assert crashes == []
        again, _ = _findings(collection, year, tables)
        assert first == again

    every_rule()


cells_as_typed = st.one_of(
    st.just(""), st.sampled_from(ODD_VALUES), junk, dates.map(lambda day: day.strftime("%d/%m/%Y"))
)
SSDA903 = schemas.load("ssda903", PACK_YEAR)


def _outcome(paths: list[Path]) -> str:
    """The report as JSON, or the one-line error: what a user would get, minus the exit code."""
    try:
        report = check(paths, year=PACK_YEAR, partial=True)
    except (InputError, UsageError) as error:
        assert "\n" not in str(error)
        return str(error)
    assert report.crashes == ()
    return report.model_dump_json()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(SSDA903.tables)),
    rows=st.lists(st.lists(cells_as_typed, min_size=30, max_size=30), min_size=1, max_size=4),
    how=st.sampled_from(["csv", "semicolons", "cp1252", "utf-16", "xlsx"]),
)
def test_any_table_file_is_findings_or_one_line_of_exit_2(
    name: str, rows: list[list[str]], how: str
) -> None:
    columns = list(SSDA903.tables[name].file_columns)
    rows = [row[: len(columns)] for row in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("table.xlsx" if how == "xlsx" else "table.csv")
        if how == "xlsx":
            workbook = Workbook()
            for row in [columns, *rows]:
                workbook.active.append(row)
            workbook.save(path)
        else:
            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, delimiter=";" if how == "semicolons" else ",")
            writer.writerows([columns, *rows])
            encoding = {"cp1252": "cp1252", "utf-16": "utf-16"}.get(how, "utf-8")
            path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
        assert _outcome([path]) == _outcome([path])


CIN_TEMPLATE = etree.fromstring(
    (Path(__file__).resolve().parents[1] / "examples" / "cin" / "cin-2025-26.xml").read_bytes()
)
CIN_LEAVES = len([e for e in CIN_TEMPLATE.iter() if len(e) == 0][:60])


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(
        st.one_of(st.none(), cells_as_typed, st.text(alphabet="<>&'\"é-: ", max_size=4)),
        min_size=CIN_LEAVES,
        max_size=CIN_LEAVES,
    )
)
def test_any_values_in_a_cin_census_are_findings_or_one_line_of_exit_2(
    values: list[str | None],
) -> None:
    census = copy.deepcopy(CIN_TEMPLATE)
    leaves = [element for element in census.iter() if len(element) == 0][:CIN_LEAVES]
    # None keeps the example's value, so that most of the census stays readable.
    for element, value in zip(leaves, values, strict=True):
        if value is not None:
            element.text = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "census.xml"
        path.write_bytes(etree.tostring(census, xml_declaration=True, encoding="UTF-8"))
        assert _outcome([path]) == _outcome([path])
