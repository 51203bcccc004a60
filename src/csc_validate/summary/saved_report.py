"""`summary --report CHECK.json`: the findings of a check already run on the same files.

The report is used only when it is of exactly the files given (by content, sha256), of the same
collection and year, checked to the same date; anything else would put another return's errors
beside these figures, so it is refused.
"""

from collections import Counter
from pathlib import Path

from csc_validate.diff import read_report
from csc_validate.errors import InputError
from csc_validate.findings import Report
from csc_validate.tables import Tables


def matching_report(path: Path, tables: Tables, period_end: str) -> Report:
    """The report at `path`, if it is check's report of `tables` to `period_end` (dd/mm/yyyy)."""
    report = read_report(path)
    shown = str(path)
    if (report.collection, report.year) != (tables.collection, tables.year):
        raise InputError(
            shown,
            f"is a report of a {report.collection} {report.year} return, not of the "
            f"{tables.collection} {tables.year} return given",
            expected="check's JSON report of the files being summarised",
        )
    given = Counter((item.sha256, item.previous) for item in tables.inputs)
    saved = Counter((item.sha256, item.previous) for item in report.inputs)
    if given != saved:
        not_checked = [
            item.file for item in tables.inputs if (item.sha256, item.previous) not in saved
        ]
        not_given = [
            item.file for item in report.inputs if (item.sha256, item.previous) not in given
        ]
        parts = []
        if not_checked:
            parts.append(f"files given that it did not check: {', '.join(not_checked)}")
        if not_given:
            parts.append(f"files it checked that were not given: {', '.join(not_given)}")
        if not parts:
            parts.append("the same files, but given a different number of times")
        raise InputError(
            shown,
            "is not a report of these files (their sha256 differ): " + "; ".join(parts),
            expected="check's JSON report of exactly the files being summarised; run check "
            "again, or leave out --report",
        )
    if report.period_end != period_end:
        raise InputError(
            shown,
            f"checked the return to {report.period_end}, but the summary is to {period_end}",
            expected="a report checked with the same --as-at",
        )
    return report


def note(path: Path, report: Report) -> str:
    """Where the data-quality counts come from, and what that check left out."""
    text = f"Data-quality counts come from {path}, check's report of these files"
    if report.selected or report.ignored:
        chosen = ", ".join(
            [*(f"--select {c}" for c in report.selected)]
            + [f"--ignore {c}" for c in report.ignored]
        )
        text += f", which ran only some rules ({chosen})"
    return text + "."
