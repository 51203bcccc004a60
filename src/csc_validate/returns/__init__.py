"""DfE-ready return files: what a collection's writer is given, and what it gives back."""

from dataclasses import dataclass, field
from pathlib import Path

from csc_validate.errors import UsageError
from csc_validate.tables import Tables


@dataclass(frozen=True)
class ReturnRequest:
    """Write the return for `tables` at `output`; `header` holds the values the user set
    (la_code, software_code, serial_number, created) for collections whose files carry them."""

    tables: Tables
    output: Path
    header: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnFile:
    """One file of a return, ready to write: where, its bytes, and what it holds."""

    path: Path
    data: bytes
    # What the file is, for the user ("the return", "social-worker episodes").
    description: str
    # The file format: "xml" files are checked against the year's XSD where there is one.
    kind: str = "xml"
    # The XSD of the year that applies, by file name under schemas/<collection>/<year>/.
    schema: str | None = None
    # Values the format could not hold as given, each said once to the user.
    notes: tuple[str, ...] = ()


class UnwritableReturnError(UsageError):
    """Tables that DfE's format cannot hold as they are: writing would lose or change data."""
