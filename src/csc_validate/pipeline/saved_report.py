"""`summary --report CHECK.json`: the findings of a check already run on the same files.

The report is used only when it is of exactly the files given (by content, sha256), of the same
collection and year, checked to the same date; anything else would put another return's errors
beside these figures, so it is refused.
"""

from collections import Counter
from dataclasses import replace
from pathlib import Path

from csc_validate.config import Config
from csc_validate.diff import read_report
from csc_validate.errors import InputError
from csc_validate.findings import Report
from csc_validate.pipeline.load import load
from csc_validate.pipeline.sources import Source, expand
from csc_validate.readers import sha256, standard_input
from csc_validate.summary.scope import fields_read
from csc_validate.tables import PREVIOUS_SUFFIX, Tables


def matching_report(
    path: Path, tables: Tables, period_end: str, report: Report | None = None, skipped: bool = False
) -> Report:
    """The report at `path` (or `report`, already read from it), if it is check's report of
    `tables` to `period_end` (dd/mm/yyyy); `skipped`: some files it checked were matched by
    files_to_read and left unread."""
    report = report if report is not None else read_report(path)
    shown = str(path)
    if (report.collection, report.year) != (tables.collection, tables.year):
        raise InputError(
            shown,
            f"is a report of a {report.collection} {report.year} return, not of the "
            f"{tables.collection} {tables.year} return given",
            expected="check's JSON report of the files being summarised",
        )
    # Files left unread (see files_to_read) were matched before loading; the rest must be too.
    given = Counter((item.sha256, item.previous) for item in tables.inputs)
    saved = Counter((item.sha256, item.previous) for item in report.inputs)
    if given != saved and not (skipped and given <= saved):
        _refuse_other_files(shown, [(i.file, i.sha256, i.previous) for i in tables.inputs], report)
    if report.period_end != period_end:
        raise InputError(
            shown,
            f"checked the return to {report.period_end}, but the summary is to {period_end}",
            expected="a report checked with the same --as-at",
        )
    return report


def load_beside(path: Path, settings: Config) -> tuple[Report, Tables, list[str]]:
    """The report at `path` and the return's tables, read as check reads them but leaving out
    files that hold only tables no figure reads (matched to the report first), and their names."""
    report = read_report(path)
    try:
        read_by_figures = fields_read(settings.collection or report.collection, report.year)
    except ImportError:
        # Not a collection with figures: everything is read, and matching_report refuses it.
        read_by_figures = None
    read = (
        files_to_read(
            path,
            report,
            list(settings.inputs),
            list(settings.previous),
            frozenset(table for table, _ in read_by_figures),
        )
        if read_by_figures is not None
        else None
    )
    current, previous, unread = read or (list(settings.inputs), list(settings.previous), [])
    tables = load(current, previous, settings.collection, settings.year)
    if read is not None:
        # Files named one by one are shown by name alone; show them as their folders gave them.
        given = _given(list(settings.inputs), list(settings.previous))
        shown = {(digest, was): name for name, digest, was in given}
        tables = replace(
            tables,
            inputs=tuple(
                replace(item, file=shown.get((item.sha256, item.previous), item.file))
                for item in tables.inputs
            ),
        )
    return report, tables, unread


def files_to_read(
    path: Path,
    report: Report,
    current: list[Path],
    previous: list[Path],
    tables_read: frozenset[str],
) -> tuple[list[Path], list[Path], list[str]] | None:
    """This year's and last year's files to load, less those the report says hold only tables
    no figure reads, and the names of those left unread. Every file given must be one the report
    checked (by sha256), read or not. None to load everything as given (standard input)."""
    if any(standard_input.is_mark(item) for item in [*current, *previous]):
        return None
    files = _sources(current, previous)
    given = _given(current, previous)
    if Counter((d, p) for _, d, p in given) != Counter(
        (item.sha256, item.previous) for item in report.inputs
    ):
        _refuse_other_files(str(path), given, report)
    held = {
        (item.sha256, item.previous): {name.removesuffix(PREVIOUS_SUFFIX) for name in item.tables}
        for item in report.inputs
    }
    kept: tuple[list[Path], list[Path]] = ([], [])
    skipped: list[str] = []
    for (source, is_previous), (display, digest, _) in zip(files, given, strict=True):
        names = held[(digest, is_previous)]
        # A file of no recognised table is read, so that loading says what it says of it.
        if names and not names & tables_read:
            skipped.append(display)
        else:
            kept[is_previous].append(source.path)  # type: ignore[arg-type]
    if not kept[0]:
        return None
    return kept[0], kept[1], skipped


def _sources(current: list[Path], previous: list[Path]) -> list[tuple[Source, bool]]:
    """Each file given, and whether it is of last year's return."""
    return [
        (source, is_previous)
        for paths, is_previous in ((current, False), (previous, True))
        for source in expand(list(paths))[0]
    ]


def _given(current: list[Path], previous: list[Path]) -> list[tuple[str, str, bool]]:
    """(name shown, sha256, of last year's) of each file given."""
    return [
        (source.display, sha256(source.path, source.display), is_previous)  # type: ignore[arg-type]
        for source, is_previous in _sources(current, previous)
    ]


def _refuse_other_files(shown: str, given: list[tuple[str, str, bool]], report: Report) -> None:
    """Stop: the report is not of the files given (file, sha256, previous)."""
    given_keys = Counter((digest, is_previous) for _, digest, is_previous in given)
    saved = Counter((item.sha256, item.previous) for item in report.inputs)
    if given_keys != saved:
        not_checked = [
            file for file, digest, is_previous in given if (digest, is_previous) not in saved
        ]
        not_given = [
            item.file for item in report.inputs if (item.sha256, item.previous) not in given_keys
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


def note(path: Path, report: Report, skipped: list[str]) -> str:
    """Where the data-quality counts come from, what that check left out, and which files
    were matched to it but not read (no figure reads their tables)."""
    text = f"Data-quality counts come from {path}, check's report of these files"
    if report.selected or report.ignored:
        chosen = ", ".join(
            [*(f"--select {c}" for c in report.selected)]
            + [f"--ignore {c}" for c in report.ignored]
        )
        text += f", which ran only some rules ({chosen})"
    text += "."
    if skipped:
        text += (
            f" Not read, as no figure uses their tables (their sha256 match the report): "
            f"{', '.join(skipped)}."
        )
    return text
