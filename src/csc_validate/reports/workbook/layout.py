"""Where each row and cell lands in the workbook, worked out before any sheet is written, so
that findings and table rows can link to each other."""

import re
from dataclasses import dataclass, field

import polars as pl

from csc_validate import subject
from csc_validate.findings import Finding, Report
from csc_validate.reports.records import rows_shown, tables_to_show
from csc_validate.reports.workbook.cells import place
from csc_validate.reports.workbook.codes_sheet import TITLE as CODES_TITLE
from csc_validate.reports.workbook.codes_sheet import rows_by_rule
from csc_validate.tables import LoadedTable, Tables


def fixed_sheets(collection: str) -> tuple[str, str, str]:
    """The sheets every workbook has, the last named for whom the rows are about ("By child")."""
    return ("Summary", "Findings", f"By {subject.of(collection).one}")


# The table sheet's own columns before the table's: the line, then the child, then the reason.
LINE_TITLE = "Line"
REASON_TITLE = "Findings on this row"


@dataclass(frozen=True)
class TableSheet:
    """One table's sheet: the rows shown (by `_row`, in file order) and the column order."""

    name: str
    title: str
    loaded: LoadedTable
    frame: pl.DataFrame
    columns: list[str]
    child_column: str | None
    positions: dict[int, int] = field(default_factory=dict)

    @property
    def titles(self) -> list[str]:
        """Line, the child column, the reason column, then the table's other columns."""
        first = [self.child_column] if self.child_column else []
        rest = [name for name in self.columns if name != self.child_column]
        return [LINE_TITLE, *first, REASON_TITLE, *rest]

    def address(self, row: int, fields: tuple[str, ...]) -> str | None:
        """The first offending cell of a row, else its line number."""
        excel_row = self.positions.get(row)
        if excel_row is None:
            return None
        titles = self.titles
        column = next((titles.index(f) for f in fields if f in titles), 0)
        return place(self.title, column + 1, excel_row)


@dataclass(frozen=True)
class Layout:
    """The table sheets, and the Findings sheet's row of each finding (the report's order)."""

    sheets: dict[str, TableSheet]
    finding_rows: dict[int, int]
    # The Codes sheet's first row for each code rule with findings (no sheet when empty).
    codes: dict[str, int] = field(default_factory=dict)

    def address(self, table: str, row: int | None, fields: tuple[str, ...] = ()) -> str | None:
        sheet = self.sheets.get(table)
        return None if sheet is None or row is None else sheet.address(row, fields)

    def codes_of(self, rule: str) -> str | None:
        """A link to a code rule's valid codes in the Codes sheet."""
        row = self.codes.get(rule)
        return None if row is None else place(CODES_TITLE, 1, row)

    def finding(self, index: int) -> str:
        """A link to a finding's row in the Findings sheet (its child cell)."""
        return place("Findings", 1, self.finding_rows[index])


def plan(report: Report, tables: Tables | None, child_column: str | None) -> Layout:
    finding_rows = {index: index + 2 for index in range(len(report.findings))}
    codes = rows_by_rule(report)
    if tables is None:
        return Layout(sheets={}, finding_rows=finding_rows, codes=codes)
    by_table: dict[str, list[Finding]] = {}
    related: dict[str, set[int]] = {}
    for finding in report.findings:
        by_table.setdefault(finding.table, []).append(finding)
        for other in finding.related:
            related.setdefault(other.table, set()).add(other.row)
    children = frozenset(f.child for f in report.findings if f.child is not None)
    used = {name.lower() for name in fixed_sheets(report.collection)}
    used |= {CODES_TITLE.lower()} if codes else set()
    sheets: dict[str, TableSheet] = {}
    for name in tables_to_show(tables, by_table.keys() | related.keys()):
        loaded = tables.tables[name]
        columns = [column for column in loaded.raw.columns if not column.startswith("_")]
        own_child = child_column if child_column in columns else None
        flagged = {f.row for f in by_table.get(name, []) if f.row is not None}
        flagged |= related.get(name, set())
        frame = rows_shown(loaded, columns, flagged, own_child, children)
        positions = {row: index + 2 for index, row in enumerate(frame["_row"].to_list())}
        sheets[name] = TableSheet(
            name=name,
            title=sheet_title(name, used),
            loaded=loaded,
            frame=frame,
            columns=columns,
            child_column=own_child,
            positions=positions,
        )
    return Layout(sheets=sheets, finding_rows=finding_rows, codes=codes)


def sheet_title(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Table"
    title, number = base, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.lower())
    return title
