"""From the paths a user names to the files to read: each as the user named it, with its kind
and, for XML, its root element."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from csc_validate.errors import InputError
from csc_validate.pipeline.naming import naming
from csc_validate.readers import kind, read_table_file, standard_input
from csc_validate.readers.sheets import Sheet
from csc_validate.readers.standard_input import StandardInput
from csc_validate.readers.xml_safety import root_element

READABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xml"}


@dataclass(frozen=True)
class Source:
    """A file to read, and its name as the user gave it (for every message and report)."""

    path: Path | StandardInput
    display: str


def expand(paths: list[Path]) -> tuple[list[Source], list[str]]:
    """Files named directly, and the readable files of folders (sorted, hidden ones left out)."""
    sources: list[Source] = []
    notes: list[str] = []
    for path in paths:
        if standard_input.is_mark(path):
            sources.append(Source(standard_input.read(), standard_input.DISPLAY))
        elif path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.name.startswith((".", "~$")) or not entry.is_file():
                    continue
                if entry.suffix.lower() not in READABLE_SUFFIXES:
                    notes.append(f"{display(entry, path)}: skipped, not a CSV, XLSX or XML file")
                    continue
                sources.append(Source(entry, display(entry, path)))
        elif path.is_file():
            sources.append(Source(path, display(path, None)))
        else:
            raise InputError(str(path), "does not exist", expected="a file or folder to check")
    return sources, notes


def display(path: Path, folder: Path | None) -> str:
    """The file as the user named it; never an absolute path in a report."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return Path(os.path.relpath(path)).as_posix() if _under_cwd(path) else _tail(path, folder)
    except ValueError:
        return _tail(path, folder)


def _under_cwd(path: Path) -> bool:
    return Path.cwd() in path.resolve().parents


def _tail(path: Path, folder: Path | None) -> str:
    return f"{folder.name}/{path.name}" if folder is not None else path.name


@dataclass
class SniffedFile:
    """A file once its kind is known; XML files also know their root and so their collection."""

    source: Source
    kind: str
    root: str | None = None
    sheets: list[Sheet] | None = None
    root_line: int | None = None
    # Header items read to route the file, by their path below the root.
    header_items: dict[tuple[str, ...], tuple[str, int] | None] = field(default_factory=dict)


def sniff(source: Source) -> SniffedFile:
    """The file's kind and, for XML, its root element (read no further than that)."""
    with naming(source.display):
        return _sniffed(source)


def _sniffed(source: Source) -> SniffedFile:
    file_kind = kind(source.path, source.display)
    if file_kind != "xml":
        return SniffedFile(source, file_kind)
    root, line = root_element(source.path, source.display)
    return SniffedFile(source, file_kind, root=root, root_line=line)


def sheets_of(file: SniffedFile) -> list[Sheet]:
    """The CSV or XLSX file's sheets, read once and kept until its tables are found."""
    if file.sheets is None:
        with naming(file.source.display):
            file.sheets = read_table_file(file.source.path, file.source.display, file.kind)
    return file.sheets
