"""A table's sheet: the rows as read, each offending cell red, the reasons in a column beside
them (comments neither print nor open on a touch screen), each row linked to its findings."""

from datetime import date

import polars as pl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate.findings import Finding, RelatedRow, code_key
from csc_validate.reports.workbook import cells
from csc_validate.reports.workbook.layout import REASON_TITLE, Layout, TableSheet
from csc_validate.reports.workbook.page import landscape

REASON_WIDTH = 45


def write(
    sheet: WriteOnlyWorksheet,
    plan: TableSheet,
    findings: list[tuple[int, Finding]],
    layout: Layout,
    related: list[tuple[int, Finding, RelatedRow]] | None = None,
) -> None:
    """`findings` are this table's, each with its index in the report (its Findings row);
    `related` the findings elsewhere that name a row of this table as compared with theirs."""
    named: dict[int, list[tuple[int, Finding]]] = {}
    for index, finding, other in related or []:
        named.setdefault(other.row, []).append((index, finding))
    titles = plan.titles
    frame = _with_dates(plan)
    cells.widths(sheet, [_width(frame, title) for title in titles])
    # Freeze the header row, the line and the child's id.
    sheet.freeze_panes = f"{get_column_letter(2 if plan.child_column is None else 3)}2"
    landscape(sheet)
    sheet.append(cells.header(sheet, titles))
    flagged: dict[tuple[int, str], list[Finding]] = {}
    by_row: dict[int, list[tuple[int, Finding]]] = {}
    for index, finding in findings:
        if finding.row is None:
            continue
        by_row.setdefault(finding.row, []).append((index, finding))
        for name in finding.fields:
            if name in plan.columns:
                flagged.setdefault((finding.row, name), []).append(finding)
    index_of = {name: position for position, name in enumerate(frame.columns)}
    for excel_row, record in enumerate(frame.iter_rows(), start=2):
        row_number = record[index_of["_row"]]
        row: list[object] = []
        for title in titles:
            if title == "Line":
                line = record[index_of["_line"]]
                row.append(_related_line(sheet, line) if row_number in named else line)
            elif title == REASON_TITLE:
                reason = _reason(
                    sheet, by_row.get(row_number, []), named.get(row_number, []), layout
                )
                if reason is not None:
                    cells.tall(sheet, excel_row, [(reason.value, REASON_WIDTH)])
                row.append(reason)
            else:
                raw = record[index_of[title]]
                read = record[index_of[f"{title}#date"]] if f"{title}#date" in index_of else None
                hits = flagged.get((row_number, title))
                row.append(_shown(sheet, raw, read, hits))
        sheet.append(row)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{frame.height + 1}"


def _with_dates(plan: TableSheet) -> pl.DataFrame:
    """The rows shown, with each date column as read beside the text as written."""
    typed = plan.loaded.typed
    dates = [
        name for name in plan.columns if name in typed.columns and typed.schema[name] == pl.Date
    ]
    if not dates:
        return plan.frame
    read = typed.select("_row", *[pl.col(name).alias(f"{name}#date") for name in dates])
    return plan.frame.join(read, on="_row", how="left").sort("_row")


def _width(frame: pl.DataFrame, title: str) -> int:
    """Wide enough for the longest value and the title, so that no id or code is clipped."""
    if title == REASON_TITLE:
        return REASON_WIDTH
    column = "_line" if title == "Line" else title
    longest = frame[column].cast(pl.String).str.len_chars().max() if frame.height else 0
    return cells.fit(max(cells.header_length(title), int(longest or 0)))


def _shown(
    sheet: WriteOnlyWorksheet, raw: str | None, read: date | None, hits: list[Finding] | None
) -> object:
    # A date the reader could not read stays as written: the finding is about it.
    if hits:
        return _offending(sheet, raw if read is None else read, hits)
    return cells.value(sheet, raw) if read is None else cells.date_cell(sheet, read)


def _reason(
    sheet: WriteOnlyWorksheet,
    findings: list[tuple[int, Finding]],
    named: list[tuple[int, Finding]],
    layout: Layout,
) -> Cell | None:
    """Each finding on the row, then each finding elsewhere that names this row as the one it
    was compared with; linked to the first of them in the Findings sheet."""
    if not findings and not named:
        return None
    lines = [
        f"{finding.rule}: {finding.message}"
        + (f" ({', '.join(finding.fields)})" if finding.fields else "")
        for _, finding in sorted(findings, key=lambda pair: code_key(pair[1].rule))
    ]
    lines += [
        f"Related row of {finding.rule} on {finding.table} line {finding.line}"
        for _, finding in sorted(named, key=lambda pair: code_key(pair[1].rule))
    ]
    made = cells.styled(cells.text(sheet, "\n".join(dict.fromkeys(lines))), cells.WRAP)
    made = cells.link(made, layout.finding(min(index for index, _ in [*findings, *named])))
    return made


def _related_line(sheet: WriteOnlyWorksheet, line: int | None) -> Cell:
    """A related row's line number, filled amber: the row a finding elsewhere compared."""
    made = WriteOnlyCell(sheet, line)
    made.fill = cells.RELATED_FILL
    return made


def _offending(sheet: WriteOnlyWorksheet, shown: object, hits: list[Finding]) -> Cell:
    if isinstance(shown, date):
        made = cells.date_cell(sheet, shown)
    else:
        made = cells.cell(sheet, shown)
        if made is None:
            made = WriteOnlyCell(sheet, None)
    made.fill = cells.OFFENDING_FILL
    made.font = cells.OFFENDING_FONT
    by_rule = {hit.rule: hit for hit in hits}
    text = "\n".join(
        f"{code} ({by_rule[code].severity.value}): {by_rule[code].message}"
        for code in sorted(by_rule, key=code_key)
    )
    comment = Comment(ILLEGAL_CHARACTERS_RE.sub("", text), "csc-validate")
    comment.width, comment.height = 320, 40 + 40 * len(by_rule)
    made.comment = comment
    return made
