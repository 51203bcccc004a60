"""The Codes sheet: for each code rule with findings, the year's valid codes and their meanings,
one a row, so that a caseworker can pick the right code."""

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate.findings import Report, code_key
from csc_validate.reports.workbook import cells
from csc_validate.reports.workbook.page import landscape

TITLE = "Codes"


def rows_by_rule(report: Report) -> dict[str, int]:
    """The first row of each code rule with findings, for links from its guidance; empty when
    no rule with findings checks codes (then there is no sheet)."""
    flagged = {finding.rule for finding in report.findings}
    first: dict[str, int] = {}
    row = 2
    for rule in sorted(flagged, key=code_key):
        info = report.rule_info(rule)
        if info is None or not info.codes:
            continue
        first[rule] = row
        row += sum(len(codes.codes) for codes in info.codes)
    return first


def write(sheet: WriteOnlyWorksheet, report: Report, first: dict[str, int]) -> None:
    titles = ["Rule", "Field", "Code", "Meaning"]
    cells.widths(sheet, [8, 22, 8, 100])
    sheet.freeze_panes = "A2"
    landscape(sheet)
    sheet.append(cells.header(sheet, titles))
    for rule in first:
        info = report.rule_info(rule)
        assert info is not None
        for codes in info.codes:
            for code, meaning in codes.codes:
                sheet.append(
                    [
                        cells.text(sheet, rule),
                        cells.text(sheet, codes.field),
                        cells.text(sheet, code),
                        cells.text(sheet, meaning or None),
                    ]
                )
