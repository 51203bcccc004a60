"""The Summary sheet: what was checked (and for which team), the counts, each rule linked to
its findings, and what was not checked."""

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from csc_validate import subject
from csc_validate.findings import Finding, Report, children_affected, code_key, standing
from csc_validate.reports.workbook import cells
from csc_validate.reports.workbook.layout import Layout
from csc_validate.reports.workbook.page import landscape
from csc_validate.severity import Severity

MESSAGE_WIDTH, GUIDANCE_WIDTH = 60, 90


def title(report: Report, team: str | None) -> str:
    """The workbook's title; a team's workbook names its team."""
    text = (
        f"{report.collection.upper()} {report.year} ({report.period_start} to {report.period_end})"
        + (f", as at {report.as_at}" if report.as_at else "")
    )
    return text if team is None else f"{text}: {team}"


def write(
    sheet: WriteOnlyWorksheet,
    report: Report,
    layout: Layout,
    with_tables: bool,
    team: str | None,
) -> None:
    out = cells.Rows(sheet)
    cells.widths(sheet, [40, 12, 12, 12, MESSAGE_WIDTH, GUIDANCE_WIDTH])
    landscape(sheet, header_rows=None)
    errors = report.totals.get(Severity.ERROR.value, 0)
    queries = report.totals.get(Severity.QUERY.value, 0)
    children = children_affected(report.findings)
    who = subject.of(report.collection)
    out.append([cells.cell(sheet, title(report, team), cells.TITLE_FONT)])
    if team is not None:
        out.append([f"Team: {team} (only this team's {who.many} are in this workbook)"])
    out.append([f"Checked by csc-validate {report.version}; year {report.year_source}."])
    if with_tables:
        out.append(
            [
                f"One sheet per table holds the rows of the {who.many} with findings as read; "
                "offending cells are red, and the rules they break are in the column "
                "'Findings on this row'. Each finding links to its cell, and each row back."
            ]
        )
    out.append([])
    for label, count in (
        ("Errors", errors),
        ("Queries", queries),
        (f"{who.titles} with findings", children),
        ("Rules run", report.rules_run),
    ):
        out.append([cells.cell(sheet, label, cells.HEADER_FONT), count])
    out.append([])
    out.append(cells.header(sheet, ["Files read", "Last year", "Tables"]))
    for source in report.inputs:
        out.append(
            [
                cells.text(sheet, source.file),
                "yes" if source.previous else "",
                ", ".join(source.tables),
            ]
        )
    out.append([])
    out.append([cells.cell(sheet, "Findings by rule", cells.HEADER_FONT)])
    out.append(
        cells.header(sheet, ["Rule", "Severity", who.titles, "Rows", "DfE message", "Guidance"])
    )
    first = _first_finding(report)
    for rule, severity, child_count, rows, message in per_rule(report):
        info = report.rule_info(rule)
        guidance = (
            " ".join(part for part in (info.guidance, info.valid_codes(report.year)) if part)
            if info
            else ""
        )
        cells.tall(sheet, out.count + 1, [(message, MESSAGE_WIDTH), (guidance, GUIDANCE_WIDTH)])
        code = cells.link(cells.text(sheet, standing(rule, info)), layout.finding(first[rule]))
        if code is not None and severity in cells.SEVERITY_FONT:
            code.font = cells.link_font(cells.SEVERITY_FONT[severity])
        out.append(
            [
                cells.styled(code, cells.TOP),
                cells.styled(cells.cell(sheet, severity.value), cells.TOP),
                cells.styled(cells.cell(sheet, child_count), cells.TOP),
                cells.styled(cells.cell(sheet, rows), cells.TOP),
                cells.styled(cells.text(sheet, message), cells.WRAP),
                cells.styled(cells.text(sheet, guidance), cells.WRAP),
            ]
        )
    out.append([])
    out.append([cells.cell(sheet, "Findings by table", cells.HEADER_FONT)])
    out.append(cells.header(sheet, ["Table", "Findings", "Rows", who.titles, "Rows read"]))
    for table, count, rows, child_count in per_table(report):
        out.append([table, count, rows, child_count, report.table_rows.get(table)])
    out.append([])
    out.append([cells.cell(sheet, "Not checked", cells.HEADER_FONT)])
    if not (report.skipped or report.crashes or report.notes):
        out.append(["Every selected rule ran."])
    else:
        out.append(cells.header(sheet, ["Rule", "Why"]))
    for skipped in report.skipped:
        if not skipped.in_notes:
            out.append([skipped.rule, f"skipped: {skipped.reason}"])
    for crash in report.crashes:
        out.append(
            [crash.rule, cells.text(sheet, f"internal error, findings missing: {crash.error}")]
        )
    for note in report.notes:
        out.append(["note", cells.text(sheet, note)])


def _first_finding(report: Report) -> dict[str, int]:
    first: dict[str, int] = {}
    for index, finding in enumerate(report.findings):
        first.setdefault(finding.rule, index)
    return first


def per_rule(report: Report) -> list[tuple[str, Severity, int, int, str]]:
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.rule, []).append(finding)
    rows = [
        (
            rule,
            items[0].severity,
            children_affected(items),
            len(items),
            items[0].message,
        )
        for rule, items in groups.items()
    ]
    return sorted(rows, key=lambda r: (-r[3], code_key(r[0])))


def per_table(report: Report) -> list[tuple[str, int, int, int]]:
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.table, []).append(finding)
    rows = [
        (
            table,
            len(items),
            len({f.row for f in items if f.row is not None}),
            children_affected(items),
        )
        for table, items in groups.items()
    ]
    return sorted(rows, key=lambda r: (-r[1], r[0]))
