"""Where a rendered report goes: a file, written atomically, or standard output."""

import sys
from pathlib import Path

from csc_validate import atomic


def emit(text: str, destination: Path | None) -> None:
    if destination is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic.write_text(destination, text)


def emit_bytes(data: bytes, destination: Path | None) -> None:
    if destination is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic.write_bytes(destination, data)
