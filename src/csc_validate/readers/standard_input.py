"""Standard input as a file: `check -` reads a CSV table or an XML return piped into it."""

import io
import sys
from typing import BinaryIO

from csc_validate.errors import UsageError

MARK = "-"
DISPLAY = "standard input"


class StandardInput:
    """The bytes piped in, read once and kept in memory (never written to disk), offered to the
    readers with the few parts of a Path they use: open, read_bytes and suffix."""

    suffix = ""
    name = DISPLAY

    def __init__(self, data: bytes) -> None:
        self._data = data

    def open(self, mode: str = "rb") -> BinaryIO:
        if mode != "rb":
            raise ValueError("standard input is read only, as bytes")
        return io.BytesIO(self._data)

    def read_bytes(self) -> bytes:
        return self._data


def is_mark(path: object) -> bool:
    return str(path) == MARK


def read(stream: BinaryIO | None = None) -> StandardInput:
    """All of standard input; a terminal is refused rather than waited on."""
    source = stream if stream is not None else sys.stdin.buffer
    if stream is None and sys.stdin.isatty():
        raise UsageError(
            "`-` reads the return from standard input, but nothing is piped in "
            "(e.g. `extract | csc-validate check -`)"
        )
    return StandardInput(source.read())
