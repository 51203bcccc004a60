"""The rows of a return that a report shows beside its findings: those of the children with
findings (and every flagged or related row), never the rest, as reports are shared."""

import polars as pl

from csc_validate.tables import LoadedTable, Tables


def rows_shown(
    loaded: LoadedTable,
    columns: list[str],
    flagged: set[int],
    child_column: str | None,
    children: frozenset[str],
) -> pl.DataFrame:
    """The rows of the children with findings and every flagged row; a table about no one child
    (the return's header) is shown whole: it is about the return. These workbooks are emailed,
    so they carry no child they do not concern."""
    frame = loaded.raw.select("_row", "_line", *columns)
    if child_column is not None:
        wanted = pl.col("_row").is_in(sorted(flagged))
        wanted |= pl.col(child_column).str.strip_chars().is_in(sorted(children))
        frame = frame.filter(wanted)
    return frame.sort("_row")


def tables_to_show(tables: Tables, involved: set[str]) -> list[str]:
    """This year's tables, then last year's only where findings are on or name their rows."""
    current = [name for name in tables.tables if not name.endswith("_last")]
    previous = [name for name in tables.tables if name.endswith("_last") and name in involved]
    return sorted(current) + sorted(previous)
