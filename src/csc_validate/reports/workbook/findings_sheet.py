"""The Findings sheet: child, rule, message and guidance first (what fits a laptop's screen),
then where the finding is, linked to its cell, then the fields and values."""

from datetime import date

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate import subject
from csc_validate.findings import Finding, Report, RuleInfo
from csc_validate.reports.workbook import cells
from csc_validate.reports.workbook.layout import Layout
from csc_validate.reports.workbook.page import landscape

# Message and guidance wrap in columns sized so that child, rule, message and guidance fit a
# 1366-pixel screen together.
MESSAGE_WIDTH, GUIDANCE_WIDTH, RELATED_WIDTH = 45, 70, 24


def write(
    sheet: WriteOnlyWorksheet,
    report: Report,
    dates: dict[tuple[str, int, str], date],
    layout: Layout,
) -> None:
    pairs = max([1, *(len(finding.values) for finding in report.findings)])
    value_titles = [title for n in range(1, pairs + 1) for title in (f"Field {n}", f"Value {n}")]
    titles = [
        subject.of(report.collection).title,
        "Rule",
        "Message",
        "Guidance",
        "Severity",
        "Table",
        "Line",
        "Related rows",
    ]
    titles += [*value_titles, "Detail", "File"]
    child_width = cells.fit(max([5, *(len(f.child or "") for f in report.findings)]))
    rule_width = cells.fit(max([4, *(len(f.rule) for f in report.findings)]))
    value_width = cells.fit(
        max([8, *(len(v or "") for f in report.findings for v in f.values.values())])
    )
    cells.widths(
        sheet,
        [child_width, rule_width, MESSAGE_WIDTH, GUIDANCE_WIDTH, 9, 14, 7, RELATED_WIDTH]
        + [14, value_width] * pairs
        + [
            cells.fit(max([6, *(len(f.detail or "") for f in report.findings)])),
            cells.fit(max([4, *(len(f.file or "") for f in report.findings)])),
        ],
    )
    # The header row and the child column stay in view.
    sheet.freeze_panes = "B2"
    landscape(sheet)
    sheet.append(cells.header(sheet, titles))
    guidance = {info.rule: _guidance(info, report.year) for info in report.rules}
    for index, finding in enumerate(report.findings):
        wrapped = [
            (finding.message, MESSAGE_WIDTH),
            (guidance.get(finding.rule, ""), GUIDANCE_WIDTH),
        ]
        cells.tall(sheet, layout.finding_rows[index], wrapped)
        sheet.append(_row(sheet, finding, guidance, dates, layout, pairs))
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(report.findings) + 1}"


def _row(
    sheet: WriteOnlyWorksheet,
    finding: Finding,
    guidance: dict[str, str],
    dates: dict[tuple[str, int, str], date],
    layout: Layout,
    pairs: int,
) -> list[object]:
    values: list[object] = []
    for field, written in finding.values.items():
        read = dates.get((finding.table, finding.row, field)) if finding.row is not None else None
        shown = cells.value(sheet, written) if read is None else cells.date_cell(sheet, read)
        values += [field, shown]
    values += [None] * (2 * pairs - len(values))
    where = layout.address(finding.table, finding.row, finding.fields)
    # Everything at the top of its (often tall) row, beside the first line of the guidance.
    return [
        item if isinstance(item, Cell) and item.alignment.vertical else _top(sheet, item)
        for item in [
            cells.styled(cells.text(sheet, finding.child), cells.TOP),
            cells.styled(
                cells.cell(sheet, finding.rule, cells.SEVERITY_FONT.get(finding.severity)),
                cells.TOP,
            ),
            cells.styled(cells.text(sheet, finding.message), cells.WRAP),
            _guidance_cell(sheet, guidance.get(finding.rule, ""), layout.codes_of(finding.rule)),
            finding.severity.value,
            # The table links to the offending cell in its sheet.
            cells.link(cells.text(sheet, finding.table), where),
            finding.line,
            _related(sheet, finding, layout),
            *values,
            cells.text(sheet, finding.detail),
            cells.text(sheet, finding.file),
        ]
    ]


def _top(sheet: WriteOnlyWorksheet, item: object) -> Cell | None:
    return cells.styled(item if isinstance(item, Cell) else cells.cell(sheet, item), cells.TOP)


def _guidance(info: RuleInfo, year: str) -> str:
    """The rule's guidance; a code rule's valid codes after it (their meanings in Codes)."""
    codes = info.valid_codes(year, meanings=False)
    if not codes:
        return info.guidance
    return f"{info.guidance} {codes} What each means: the Codes sheet (click here)."


def _guidance_cell(sheet: WriteOnlyWorksheet, text: str, codes: str | None) -> Cell | None:
    made = cells.text(sheet, text)
    if codes is not None:
        made = cells.link(made, codes)
    return cells.styled(made, cells.WRAP)


def _related(sheet: WriteOnlyWorksheet, finding: Finding, layout: Layout) -> Cell | None:
    """The rows the finding was compared with, linked to the first of them."""
    if not finding.related:
        return None
    text = "\n".join(other.label() for other in finding.related)
    first = finding.related[0]
    return cells.link(cells.text(sheet, text), layout.address(first.table, first.row))
