"""Every file csc-validate writes goes through here: a temporary file, then a rename."""

import os
import tempfile
from pathlib import Path

# Every file this run has written, in order: what an interrupted run says it completed.
_written: list[Path] = []


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never half.

    A failure is raised as an OSError naming `path`, not the temporary file.
    """
    path = Path(path)
    try:
        _replace(path, data)
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), str(path)) from None
    _written.append(path)


def written() -> tuple[Path, ...]:
    """The files written so far in this process, in order."""
    return tuple(_written)


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp creates the file readable and writable by its owner only (0600), and the rename
    # keeps that: reports name children, so nobody else on the machine may read them.
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically, with the platform-independent newline '\\n'."""
    write_bytes(path, text.encode("utf-8"))
