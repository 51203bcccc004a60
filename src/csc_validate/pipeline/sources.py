"""From the paths a user names to the files to read, each as the user named it."""

import os
from dataclasses import dataclass
from pathlib import Path

from csc_validate.errors import InputError
from csc_validate.readers import standard_input
from csc_validate.readers.standard_input import StandardInput

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
