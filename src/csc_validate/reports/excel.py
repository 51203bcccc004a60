"""The workbook caseworkers work through: summary, findings, by child, and each table as read."""

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import polars as pl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate import atomic
from csc_validate.errors import UsageError
from csc_validate.findings import Finding, Report, code_key, standing
from csc_validate.reports import accepted_view
from csc_validate.reports.cells import is_formula_like
from csc_validate.reports.options import Options
from csc_validate.severity import Severity
from csc_validate.tables import LoadedTable, Tables

# Fixed so that the same inputs give a byte-identical workbook (Excel needs some timestamp).
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DATE_FORMAT = "DD/MM/YYYY"
HEADER_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
OFFENDING_FILL = PatternFill(fill_type="solid", fgColor="FFC7CE")
OFFENDING_FONT = Font(color="9C0006")
SEVERITY_FONT = {
    Severity.ERROR: Font(color="9C0006", bold=True),
    Severity.QUERY: Font(color="9C5700"),
}
FIXED_SHEETS = ("Summary", "Findings", "By child")


def write(report: Report, destination: Path | None, options: Options) -> None:
    if destination is None:
        raise UsageError("an Excel workbook needs --output FILE.xlsx")
    data = render(report, options.tables, options.child_column)
    if options.password:
        data = encrypt(data, options.password)
    atomic.write_bytes(destination, data)


def render(report: Report, tables: Tables | None = None, child_column: str | None = None) -> bytes:
    """The workbook as bytes; with `tables`, one sheet per table holding the rows as read.

    A table sheet holds the rows of the children with findings (and any other flagged row), not
    the whole return: these workbooks are emailed, so they carry no child they do not concern.
    Without `child_column` every row is shown.
    """
    workbook = Workbook(write_only=True)
    _summary_sheet(workbook.create_sheet("Summary"), report, tables is not None)
    _findings_sheet(workbook.create_sheet("Findings"), report, _finding_dates(report, tables))
    _child_sheet(workbook.create_sheet("By child"), report)
    accepted_view.add_sheet(workbook, report)
    if tables is not None:
        by_table: dict[str, list[Finding]] = {}
        for finding in report.findings:
            by_table.setdefault(finding.table, []).append(finding)
        used = {name.lower() for name in FIXED_SHEETS}
        children = frozenset(f.child for f in report.findings if f.child is not None)
        for name in _tables_to_show(tables, by_table):
            title = _sheet_title(name, used)
            sheet = workbook.create_sheet(title)
            findings = by_table.get(name, [])
            _table_sheet(sheet, tables.tables[name], findings, child_column, children)
    workbook.properties.creator = "csc-validate"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _deterministic(buffer.getvalue())


def encrypt(data: bytes, password: str) -> bytes:
    """Excel's own password encryption (agile, AES): the workbook opens only with the password."""
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, encrypted)
    return encrypted.getvalue()


# Sheets


def _summary_sheet(sheet: WriteOnlyWorksheet, report: Report, with_tables: bool) -> None:
    _widths(sheet, [40, 12, 12, 12, 70, 90])
    errors = report.totals.get(Severity.ERROR.value, 0)
    queries = report.totals.get(Severity.QUERY.value, 0)
    children = {f.child for f in report.findings if f.child is not None}
    sheet.append(
        [
            _cell(
                sheet,
                f"{report.collection.upper()} {report.year} ({report.period_start} to "
                f"{report.period_end})" + (f", as at {report.as_at}" if report.as_at else ""),
                TITLE_FONT,
            )
        ]
    )
    sheet.append([f"Checked by csc-validate {report.version}; year {report.year_source}."])
    if with_tables:
        sheet.append(
            [
                "One sheet per table holds the rows of the children with findings as read; "
                "offending cells are red, with the rule in the cell's comment."
            ]
        )
    sheet.append([])
    for label, value in (
        ("Errors", errors),
        ("Queries", queries),
        ("Children with findings", len(children)),
        ("Rules run", report.rules_run),
    ):
        sheet.append([_cell(sheet, label, HEADER_FONT), value])
    sheet.append([])
    sheet.append(_header(sheet, ["Files read", "Last year", "Tables"]))
    for source in report.inputs:
        sheet.append(
            [_text(sheet, source.file), "yes" if source.previous else "", ", ".join(source.tables)]
        )
    sheet.append([])
    sheet.append([_cell(sheet, "Findings by rule", HEADER_FONT)])
    sheet.append(
        _header(sheet, ["Rule", "Severity", "Children", "Rows", "DfE message", "Guidance"])
    )
    for rule, severity, child_count, rows, message in _per_rule(report):
        info = report.rule_info(rule)
        sheet.append(
            [
                _cell(sheet, standing(rule, info), SEVERITY_FONT.get(severity)),
                severity.value,
                child_count,
                rows,
                _text(sheet, message),
                _text(sheet, info.guidance if info else ""),
            ]
        )
    sheet.append([])
    sheet.append([_cell(sheet, "Findings by table", HEADER_FONT)])
    sheet.append(_header(sheet, ["Table", "Findings", "Rows", "Children", "Rows read"]))
    for table, count, rows, child_count in _per_table(report):
        sheet.append([table, count, rows, child_count, report.table_rows.get(table)])
    sheet.append([])
    sheet.append([_cell(sheet, "Not checked", HEADER_FONT)])
    if not (report.skipped or report.crashes or report.notes):
        sheet.append(["Every selected rule ran."])
    else:
        sheet.append(_header(sheet, ["Rule", "Why"]))
    for skipped in report.skipped:
        sheet.append([skipped.rule, f"skipped: {skipped.reason}"])
    for crash in report.crashes:
        sheet.append([crash.rule, _text(sheet, f"internal error, findings missing: {crash.error}")])
    for note in report.notes:
        sheet.append(["note", _text(sheet, note)])


def _findings_sheet(
    sheet: WriteOnlyWorksheet, report: Report, dates: dict[tuple[str, int, str], date]
) -> None:
    pairs = max([1, *(len(finding.values) for finding in report.findings)])
    value_titles = [title for n in range(1, pairs + 1) for title in (f"Field {n}", f"Value {n}")]
    titles = ["Child", "Table", "Line", "Rule", "Severity", *value_titles]
    titles += ["Message", "Guidance", "Detail", "File"]
    _widths(sheet, [14, 14, 8, 10, 9, *([12, 14] * pairs), 60, 60, 30, 28])
    sheet.freeze_panes = "A2"
    sheet.append(_header(sheet, titles))
    guidance = {info.rule: info.guidance for info in report.rules}
    for finding in report.findings:
        values: list[object] = []
        for field, value in finding.values.items():
            read = (
                dates.get((finding.table, finding.row, field)) if finding.row is not None else None
            )
            values += [field, _value(sheet, value) if read is None else _date(sheet, read)]
        values += [None] * (2 * pairs - len(values))
        sheet.append(
            [
                _text(sheet, finding.child),
                finding.table,
                finding.line,
                _cell(sheet, finding.rule, SEVERITY_FONT.get(finding.severity)),
                finding.severity.value,
                *values,
                _text(sheet, finding.message),
                _text(sheet, guidance.get(finding.rule, "")),
                _text(sheet, finding.detail),
                _text(sheet, finding.file),
            ]
        )
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(report.findings) + 1}"


def _child_sheet(sheet: WriteOnlyWorksheet, report: Report) -> None:
    titles = ["Child", "Errors", "Queries", "Findings", "Rules", "Tables"]
    _widths(sheet, [14, 8, 8, 9, 60, 40])
    sheet.freeze_panes = "A2"
    sheet.append(_header(sheet, titles))
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.child is not None:
            groups.setdefault(finding.child, []).append(finding)
    for child in sorted(groups):
        items = groups[child]
        sheet.append(
            [
                _text(sheet, child),
                sum(1 for f in items if f.severity is Severity.ERROR),
                sum(1 for f in items if f.severity is Severity.QUERY),
                len(items),
                ", ".join(sorted({f.rule for f in items}, key=code_key)),
                ", ".join(sorted({f.table for f in items})),
            ]
        )
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(groups) + 1}"


def _table_sheet(
    sheet: WriteOnlyWorksheet,
    loaded: LoadedTable,
    findings: list[Finding],
    child_column: str | None,
    children: frozenset[str] = frozenset(),
) -> None:
    """The rows as read; each offending cell filled red with a comment naming the rules."""
    columns = [name for name in loaded.raw.columns if not name.startswith("_")]
    _widths(sheet, [8, *[max(12, min(len(name) + 4, 24)) for name in columns]])
    sheet.freeze_panes = "B2"
    sheet.append(_header(sheet, ["Line", *columns]))
    flagged: dict[tuple[int, str], list[Finding]] = {}
    for finding in findings:
        if finding.row is None:
            continue
        for field in finding.fields:
            if field in columns:
                flagged.setdefault((finding.row, field), []).append(finding)
    dates = [
        name
        for name in columns
        if name in loaded.typed.columns and loaded.typed.schema[name] == pl.Date
    ]
    frame = loaded.raw.select("_row", "_line", *columns)
    if child_column in columns:
        flagged_rows = sorted({f.row for f in findings if f.row is not None})
        wanted = pl.col("_row").is_in(flagged_rows)
        wanted |= pl.col(child_column).str.strip_chars().is_in(sorted(children))
        frame = frame.filter(wanted)
    # A table about no one child (the return's header) is shown whole: it is about the return.
    frame = frame.sort("_row")
    if dates:
        typed = loaded.typed.select("_row", *[pl.col(name).alias(f"{name}#date") for name in dates])
        frame = frame.join(typed, on="_row", how="left")
    index = {name: position for position, name in enumerate(frame.columns)}
    for record in frame.iter_rows():
        row_number = record[index["_row"]]
        cells: list[object] = [record[index["_line"]]]
        for name in columns:
            raw = record[index[name]]
            typed_date = record[index[f"{name}#date"]] if name in dates else None
            # A date the reader could not read stays as written: the finding is about it.
            value: object = _value(sheet, raw) if typed_date is None else _date(sheet, typed_date)
            hits = flagged.get((row_number, name))
            if hits:
                value = _offending(sheet, raw if typed_date is None else typed_date, hits)
            cells.append(value)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns) + 1)}{frame.height + 1}"


# Counts (from the report's findings, nothing re-checked)


def _per_rule(report: Report) -> list[tuple[str, Severity, int, int, str]]:
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.rule, []).append(finding)
    rows = [
        (
            rule,
            items[0].severity,
            len({f.child for f in items if f.child is not None}),
            len(items),
            items[0].message,
        )
        for rule, items in groups.items()
    ]
    return sorted(rows, key=lambda r: (-r[3], code_key(r[0])))


def _per_table(report: Report) -> list[tuple[str, int, int, int]]:
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.table, []).append(finding)
    rows = [
        (
            table,
            len(items),
            len({f.row for f in items if f.row is not None}),
            len({f.child for f in items if f.child is not None}),
        )
        for table, items in groups.items()
    ]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


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


def _tables_to_show(tables: Tables, by_table: dict[str, list[Finding]]) -> list[str]:
    """This year's tables, then last year's only where they have findings."""
    current = [name for name in tables.tables if not name.endswith("_last")]
    previous = [name for name in tables.tables if name.endswith("_last") and name in by_table]
    return sorted(current) + sorted(previous)


# Cells


def _cell(sheet: WriteOnlyWorksheet, value: object, font: Font | None = None) -> Cell:
    cell = _text(sheet, value) if isinstance(value, str) else WriteOnlyCell(sheet, value)
    if font is not None:
        cell.font = font
    return cell


def _header(sheet: WriteOnlyWorksheet, titles: Iterable[str]) -> list[Cell]:
    return [_cell(sheet, title, HEADER_FONT) for title in titles]


def _text(sheet: WriteOnlyWorksheet, value: str | None) -> Cell | None:
    """Always a text cell: a value such as "=1+1" is shown, never run as a formula."""
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def _value(sheet: WriteOnlyWorksheet, value: str | None) -> object:
    """A value as written, as text."""
    if value is None:
        return None
    if is_formula_like(value) or ILLEGAL_CHARACTERS_RE.search(value):
        return _text(sheet, value)
    return value


def _date(sheet: WriteOnlyWorksheet, value: date) -> Cell:
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = DATE_FORMAT
    return cell


def _offending(sheet: WriteOnlyWorksheet, value: object, hits: list[Finding]) -> Cell:
    if isinstance(value, date):
        cell = _date(sheet, value)
    else:
        cell = _text(sheet, value) if isinstance(value, str) else WriteOnlyCell(sheet, value)
    cell.fill = OFFENDING_FILL
    cell.font = OFFENDING_FONT
    by_rule = {hit.rule: hit for hit in hits}
    text = "\n".join(
        f"{code} ({by_rule[code].severity.value}): {by_rule[code].message}"
        for code in sorted(by_rule, key=code_key)
    )
    comment = Comment(ILLEGAL_CHARACTERS_RE.sub("", text), "csc-validate")
    comment.width, comment.height = 320, 40 + 40 * len(by_rule)
    cell.comment = comment
    return cell


def _widths(sheet: WriteOnlyWorksheet, widths: list[int]) -> None:
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width


def _sheet_title(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Table"
    title, number = base, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.lower())
    return title


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
