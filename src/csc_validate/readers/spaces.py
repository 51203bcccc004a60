"""Spaces around values: read without them, and named once per column.

csc-validate's one policy for spaces: a value's leading and trailing spaces (and tabs and line
breaks) are dropped on reading, for codes, IDs, dates and numbers alike, so ` M ` is read as
`M` and a value of spaces only is blank. Spaces inside a value are kept (`A 1` is not `A1`).
DfE's code lists and ID rules hold no surrounding spaces, so the user is told, once per
column, that such values were trimmed.
"""

from dataclasses import dataclass

import polars as pl

from csc_validate.schemas import TableSchema


@dataclass(frozen=True)
class SpacedColumn:
    """A column with values written with spaces around them: how many, and the first."""

    column: str
    count: int
    row: int
    value: str


def spaced_columns(raw: pl.DataFrame, schema: TableSchema) -> list[SpacedColumn]:
    """The schema's columns of `raw` (cells as written) holding a value with spaces around it;
    a cell of spaces only is blank, not spaced."""
    found = []
    for name in schema.file_columns:
        if name not in raw.columns:
            continue
        text = raw[name]
        stripped = text.str.strip_chars()
        spaced = ((stripped != text) & (stripped != "")).fill_null(False)
        count = int(spaced.sum())
        if count:
            row = int(spaced.arg_true()[0])
            found.append(SpacedColumn(name, count, row, str(text[row])))
    return found


def describe(spaced: SpacedColumn) -> str:
    """What the note says about one column."""
    others = spaced.count - 1
    more = f" and {others} other value{'s' if others > 1 else ''}" if others else ""
    return (
        f'"{spaced.value}"{more} written with spaces around the value; read without the '
        "spaces, as DfE's codes and IDs have none"
    )
