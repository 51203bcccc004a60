"""A table's values as DfE's files spell them: dates in its format, codes in capitals."""

import polars as pl

from csc_validate.readers.casting import DateFormat, raw_name
from csc_validate.schemas import ColumnType, TableSchema
from csc_validate.tables import LoadedTable

BOOLEAN = "BOOLEAN"


def cells(table: LoadedTable, schema: TableSchema, date_format: DateFormat) -> pl.DataFrame:
    """Every file column as text, in row order; blank is null. A value that cannot be read
    is kept as written (the checks have reported it), never dropped or guessed."""
    typed = table.typed
    expressions: list[pl.Expr] = []
    for column in schema.columns:
        if column.derived:
            continue
        name = column.name
        if column.type is ColumnType.DATE:
            written = pl.col(name).dt.strftime(date_format.pattern)
            value = pl.coalesce(written, pl.col(raw_name(name)))
        elif column.type is ColumnType.INTEGER:
            value = pl.coalesce(pl.col(name).cast(pl.String), pl.col(raw_name(name)))
        elif column.codes == BOOLEAN:
            # xs:boolean is spelled in lower case: true, false (or 1, 0).
            value = pl.col(name).str.to_lowercase()
        else:
            value = pl.col(name)
        expressions.append(value.alias(name))
    return typed.select(expressions)
