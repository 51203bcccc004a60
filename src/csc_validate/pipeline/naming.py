"""Whatever goes wrong while a file is read names the file."""

from collections.abc import Iterator
from contextlib import contextmanager

from csc_validate.errors import InputError, ReadError, UsageError
from csc_validate.readers.detect import Detected


@contextmanager
def naming(file: str) -> Iterator[None]:
    """Whatever goes wrong while a file is read or loaded names the file: an input problem as
    such (exit 2), anything else as a failure of csc-validate on that file."""
    try:
        yield
    except (InputError, UsageError, ReadError):
        raise
    except OSError as error:
        raise InputError(file, f"cannot be read: {error.strerror or error}") from error
    except Exception as error:
        raise ReadError(file, error, getattr(error, "line", None)) from error


def wheres(found: list[Detected]) -> str:
    """The files the tables were found in, for a message."""
    return ", ".join(dict.fromkeys(match.sheet.where for match in found)) or "the files given"
