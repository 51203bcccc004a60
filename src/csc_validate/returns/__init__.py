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


@dataclass(frozen=True)
class Unplaceable:
    """Rows DfE's format cannot hold: the table, the key values that pick them out (the child's
    id first; None for a blank) and what is wrong, said without the key."""

    table: str
    keys: tuple[tuple[str, str | None], ...]
    problem: str

    @property
    def who(self) -> str:
        """The rows' child and keys as a person reads them: "CHILD 123, CINdetailsID 2", or
        "a child with no LAchildID" when the id is blank."""
        parts = []
        for position, (name, value) in enumerate(self.keys):
            if value is None or value == "":
                parts.append(f"a child with no {name}" if position == 0 else f"no {name}")
            else:
                parts.append(f"{name} {value}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.table}: {self.who}: {self.problem}"


def refuse(rows: list["Unplaceable"], shown: int) -> None:
    """Stop the writing: the message names the first `shown`; `rows` carries every one."""
    if not rows:
        return
    listed = "; ".join(str(row) for row in rows[:shown])
    more = f" (and {len(rows) - shown} more)" if len(rows) > shown else ""
    raise UnwritableReturnError(
        f"the tables cannot be written as DfE's XML: {listed}{more}", tuple(rows)
    )


class UnwritableReturnError(UsageError):
    """Tables that DfE's format cannot hold as they are: writing would lose or change data.

    `rows` lists every such row group, for the whole list (with lines) the user needs."""

    def __init__(self, message: str, rows: tuple[Unplaceable, ...] = ()) -> None:
        super().__init__(message)
        self.rows = rows
