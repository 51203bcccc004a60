"""The workbook caseworkers work through: summary, findings, by child, and each table as read.

Each sheet is written by its own module in `reports.workbook`; this module lays them out,
links them and writes the file."""

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import polars as pl
from openpyxl import Workbook

from csc_validate import atomic
from csc_validate.errors import UsageError
from csc_validate.findings import Finding, RelatedRow, Report
from csc_validate.reports import accepted_view
from csc_validate.reports.options import Options
from csc_validate.reports.workbook import (
    children_sheet,
    codes_sheet,
    findings_sheet,
    layout,
    summary_sheet,
    table_sheet,
)
from csc_validate.tables import Tables

# Fixed so that the same inputs give a byte-identical workbook (Excel needs some timestamp).
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write(report: Report, destination: Path | None, options: Options) -> None:
    if destination is None:
        raise UsageError("an Excel workbook needs --output FILE.xlsx")
    data = render(report, options.tables, options.child_column, team=options.team)
    if options.password:
        data = encrypt(data, options.password)
    atomic.write_bytes(destination, data)


def render(
    report: Report,
    tables: Tables | None = None,
    child_column: str | None = None,
    team: str | None = None,
) -> bytes:
    """The workbook as bytes; with `tables`, one sheet per table holding the rows as read.

    A table sheet holds the rows of the children with findings (and any other flagged row), not
    the whole return: these workbooks are emailed, so they carry no child they do not concern.
    Without `child_column` every row is shown. A team's workbook names `team`.
    """
    workbook = Workbook(write_only=True)
    places = layout.plan(report, tables, child_column)
    summary_sheet.write(workbook.create_sheet("Summary"), report, places, tables is not None, team)
    findings_sheet.write(
        workbook.create_sheet("Findings"), report, _finding_dates(report, tables), places
    )
    by_subject = layout.fixed_sheets(report.collection)[2]
    children_sheet.write(workbook.create_sheet(by_subject), report, places)
    if places.codes:
        codes_sheet.write(workbook.create_sheet(codes_sheet.TITLE), report, places.codes)
    accepted_view.add_sheet(workbook, report)
    by_table: dict[str, list[tuple[int, Finding]]] = {}
    related: dict[str, list[tuple[int, Finding, RelatedRow]]] = {}
    for index, finding in enumerate(report.findings):
        by_table.setdefault(finding.table, []).append((index, finding))
        for other in finding.related:
            related.setdefault(other.table, []).append((index, finding, other))
    for name, sheet in places.sheets.items():
        table_sheet.write(
            workbook.create_sheet(sheet.title),
            sheet,
            by_table.get(name, []),
            places,
            related.get(name, []),
        )
    workbook.properties.creator = "csc-validate"
    workbook.properties.title = summary_sheet.title(report, team)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _deterministic(buffer.getvalue())


def encrypt(data: bytes, password: str) -> bytes:
    """Excel's own password encryption (agile, AES): the workbook opens only with the password."""
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, encrypted)
    return encrypted.getvalue()


def _finding_dates(report: Report, tables: Tables | None) -> dict[tuple[str, int, str], date]:
    """The offending values that the reader read as dates, to write as real Excel dates."""
    if tables is None:
        return {}
    wanted: dict[str, set[int]] = {}
    for finding in report.findings:
        if finding.row is not None and finding.table in tables:
            wanted.setdefault(finding.table, set()).add(finding.row)
    dates: dict[tuple[str, int, str], date] = {}
    for table, rows in wanted.items():
        typed = tables.typed(table)
        columns = [name for name in typed.columns if typed.schema[name] == pl.Date]
        if not columns:
            continue
        picked = typed.select("_row", *columns).filter(pl.col("_row").is_in(sorted(rows)))
        for record in picked.iter_rows(named=True):
            for name in columns:
                if record[name] is not None:
                    dates[(table, record["_row"], name)] = record[name]
    return dates


def _deterministic(data: bytes) -> bytes:
    """Fixed file times and document dates, so the same report gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(),
                    content,
                )
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, content)
    return output.getvalue()
