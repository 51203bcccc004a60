"""The By child sheet: one row per child with findings, linked to the child's first finding."""

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate import subject
from csc_validate.findings import Report, code_key
from csc_validate.reports.workbook import cells
from csc_validate.reports.workbook.layout import Layout
from csc_validate.reports.workbook.page import landscape
from csc_validate.severity import Severity


def write(sheet: WriteOnlyWorksheet, report: Report, layout: Layout) -> None:
    titles = [
        subject.of(report.collection).title,
        "Errors",
        "Queries",
        "Findings",
        "Rules",
        "Tables",
    ]
    groups: dict[str, list[int]] = {}
    for index, finding in enumerate(report.findings):
        if finding.child is not None:
            groups.setdefault(finding.child, []).append(index)
    child_width = cells.fit(max([5, *(len(child) for child in groups)]))
    cells.widths(sheet, [child_width, 8, 8, 9, 60, 40])
    sheet.freeze_panes = "B2"
    landscape(sheet)
    sheet.append(cells.header(sheet, titles))
    for child in sorted(groups):
        items = [report.findings[index] for index in groups[child]]
        sheet.append(
            [
                cells.link(cells.text(sheet, child), layout.finding(groups[child][0])),
                sum(1 for f in items if f.severity is Severity.ERROR),
                sum(1 for f in items if f.severity is Severity.QUERY),
                len(items),
                ", ".join(sorted({f.rule for f in items}, key=code_key)),
                ", ".join(sorted({f.table for f in items})),
            ]
        )
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(groups) + 1}"
