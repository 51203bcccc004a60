"""Loading a rule's test cases as real files are loaded, and running them."""

import csv
import io

import polars as pl

from csc_validate import collections, engine, schemas
from csc_validate.engine import RunResult
from csc_validate.pipeline.tables import build
from csc_validate.readers import delimited
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import Sheet
from csc_validate.reference import ReferenceRequest, References
from csc_validate.rulekit.cases import Case, CaseTable
from csc_validate.rulekit.rule import Rule
from csc_validate.tables import PREVIOUS_SUFFIX, EarlierYear, Tables


def run_case(rule: Rule, case: Case, collection: str, year: str) -> RunResult:
    """The rule run on the case's tables, with its reference data and period, in that year."""
    tables = build_tables(case, collection, year)
    references = build_references(case, collection, tables)
    schema = schemas.load(collection, year)
    return engine.run([rule], tables, schema, case.period_for(year, collection), references)


def build_tables(case: Case, collection: str, year: str) -> Tables:
    """The case's tables loaded as real files are: written as CSV text, read by the CSV reader,
    then cast and derived by the loader, so a case cannot hold what no real file could."""
    chosen = collections.get(collection)
    year_schema = schemas.load(collection, year)
    current: list[Detected] = []
    previous: list[Detected] = []
    for name, content in case.tables.items():
        base = name.removesuffix(PREVIOUS_SUFFIX)
        schema = year_schema.tables.get(base)
        if schema is None:
            raise KeyError(f"case {case.name!r}: no table {base} in the {year} schema")
        unknown = set(content.columns) - set(schema.column_names)
        if unknown:
            raise KeyError(f"case {case.name!r}: {base} has no column(s) {sorted(unknown)}")
        sheet = _as_read(case, name, content)
        missing = tuple(column for column in schema.file_columns if column not in content.columns)
        match = Detected(table=base, sheet=sheet, missing=missing, extra=())
        (previous if name.endswith(PREVIOUS_SUFFIX) else current).append(match)
    loaded, _, _ = build(chosen, year, current, previous)
    metadata = {"file_format": "csv", **case.metadata}
    earlier = tuple(
        _earlier_year(case, collection, earlier_year, case.earlier[earlier_year])
        for earlier_year in sorted(case.earlier, reverse=True)
    )
    return Tables(
        collection=collection, year=year, tables=loaded, metadata=metadata, earlier=earlier
    )


def _earlier_year(
    case: Case, collection: str, year: str, tables: dict[str, CaseTable]
) -> EarlierYear:
    """A return from before last year, read as --previous reads one (with the oldest schema
    csc-validate has for a year older than that)."""
    known = schemas.available_years(collection)
    schema_year = year if year in known else known[0]
    found = []
    for name, content in tables.items():
        sheet = _as_read(case, name, content)
        columns = schemas.load(collection, schema_year).tables[name].file_columns
        missing = tuple(column for column in columns if column not in content.columns)
        found.append(Detected(table=name, sheet=sheet, missing=missing, extra=()))
    loaded, _, _ = build(collections.get(collection), schema_year, found, [])
    return EarlierYear(year, {name: table.typed for name, table in loaded.items()})


def build_references(case: Case, collection: str, tables: Tables) -> References:
    """The reference data the case gives, through the collection's own loading code."""
    given = {
        name: pl.DataFrame(
            [list(column) for column in zip(*content.rows, strict=True)] or None,
            schema=dict.fromkeys(content.columns, pl.String),
            orient="col",
        )
        for name, content in case.reference.items()
    }
    request = ReferenceRequest(la=case.la, given=given)
    return References(collections.get(collection).references(request, tables))


def _as_read(case: Case, name: str, content: CaseTable) -> Sheet:
    """The case table written as a CSV file and read back by the CSV reader."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(content.columns)
    writer.writerows(content.rows)
    sheet = delimited.read(buffer.getvalue().encode("utf-8"), f"{name}.csv")
    if sheet.height != len(content.rows):
        raise ValueError(
            f"case {case.name!r}: {name} has {len(content.rows)} rows but a CSV file of them "
            f"reads as {sheet.height} (the reader skips blank rows)"
        )
    sheet.table = name.removesuffix(PREVIOUS_SUFFIX)
    # A case may stand for an XML return, where the collection derives less on load.
    sheet.source_format = case.metadata.get("file_format", "csv")
    return sheet
