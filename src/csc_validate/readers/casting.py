"""Turns text cells into typed columns; a value that cannot be read stays as text beside a null."""

from dataclasses import dataclass

import polars as pl

from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.schemas import ColumnType, TableSchema


@dataclass(frozen=True)
class DateFormat:
    """One accepted spelling of a date: strptime pattern, the exact shape, and how people say it."""

    pattern: str
    shape: str
    label: str


INTEGER_SHAPE = r"^[+-]?\d+$"
TEXT_TYPES = (ColumnType.ID, ColumnType.TEXT, ColumnType.POSTCODE)
# Columns the engine adds to every table: position in the table, source line, file and element.
INTERNAL = ("_row", "_line", "_file", "_xpath")


def raw_name(column: str) -> str:
    """The companion column holding a typed column's trimmed source text."""
    return f"{column}#raw"


def raw_frame(sheet: Sheet, schema: TableSchema) -> pl.DataFrame:
    """The sheet's cells as written, in the schema's column order; absent columns are blank."""
    height = sheet.height
    data: dict[str, pl.Series] = {
        "_row": pl.Series("_row", range(height), dtype=pl.Int64),
        "_line": pl.Series("_line", sheet.lines, dtype=pl.Int64),
        "_file": pl.Series("_file", [sheet.where] * height, dtype=pl.String),
        "_xpath": pl.Series("_xpath", sheet.xpaths or [None] * height, dtype=pl.String),
    }
    by_name = {normalise_header(name): values for name, values in sheet.columns.items()}
    for name in schema.column_names:
        values = by_name.get(normalise_header(name), [None] * height)
        data[name] = pl.Series(name, values, dtype=pl.String)
    return pl.DataFrame(data)


def typed_frame(
    raw: pl.DataFrame, schema: TableSchema, date_formats: tuple[DateFormat, ...]
) -> pl.DataFrame:
    """Cast every schema column; dates and numbers keep their trimmed text in `<column>#raw`.

    A date is read with the first of `date_formats` whose exact shape it has (a two-digit day
    and month, a four-digit year), so "1/4/25" is unreadable rather than guessed.
    """
    expressions: list[pl.Expr] = [pl.col(name) for name in INTERNAL if name in raw.columns]
    for column in schema.columns:
        text = _trimmed(column.name)
        match column.type:
            case ColumnType.DATE:
                expressions += [_date(text, date_formats).alias(column.name)]
                expressions += [text.alias(raw_name(column.name))]
            case ColumnType.INTEGER:
                number = text.str.strip_prefix("+").cast(pl.Int64, strict=False)
                shaped = pl.when(text.str.contains(INTEGER_SHAPE)).then(number)
                expressions += [shaped.alias(column.name), text.alias(raw_name(column.name))]
            case ColumnType.CODE | ColumnType.FLAG | ColumnType.PARTIAL_DATE:
                # Codes compare case-insensitively; DfE's lists are upper case.
                expressions.append(text.str.to_uppercase().alias(column.name))
            case _:
                expressions.append(text.alias(column.name))
    return raw.select(expressions)


def unreadable(typed: pl.DataFrame, schema: TableSchema) -> dict[str, pl.Series]:
    """Rows whose value in a date or number column could not be read, for columns that have
    no DfE rule of their own to say so: {column: _row values}."""
    found: dict[str, pl.Series] = {}
    for column in schema.columns:
        if column.format_rule or column.type not in (ColumnType.DATE, ColumnType.INTEGER):
            continue
        bad = typed.filter(
            pl.col(column.name).is_null() & pl.col(raw_name(column.name)).is_not_null()
        )
        if bad.height:
            found[column.name] = bad["_row"]
    return found


def _date(text: pl.Expr, date_formats: tuple[DateFormat, ...]) -> pl.Expr:
    parsed = [
        pl.when(text.str.contains(form.shape)).then(
            text.str.strptime(pl.Date, form.pattern, strict=False)
        )
        for form in date_formats
    ]
    if not parsed:  # an empty table made up for a rule: no text to read
        return pl.lit(None, dtype=pl.Date)
    return pl.coalesce(parsed) if len(parsed) > 1 else parsed[0]


def _trimmed(name: str) -> pl.Expr:
    text = pl.col(name).str.strip_chars()
    return pl.when(text != "").then(text)
