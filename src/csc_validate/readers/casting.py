"""Turns text cells into typed columns; a value that cannot be read stays as text beside a null.

Every date the package reads goes through `read_dates` (or `read_date` for one value) with the
collection's date formats: one reader, so a date is read the same way by the rules, year
inference, reference data and exports, and a date it cannot read is never guessed.
"""

import datetime as dt
from dataclasses import dataclass

import polars as pl

from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.schemas import ColumnType, TableSchema


@dataclass(frozen=True)
class DateFormat:
    """One accepted spelling of a date: strptime pattern, the exact shape, and how people say it.

    `ignored` is a part of the shape the date's value does not depend on (xs:date's time zone,
    say), taken off before the pattern is applied.
    """

    pattern: str
    shape: str
    label: str
    ignored: str | None = None


# Date spellings that exports commonly give instead of the one a collection asks for: recognised
# only to say what went wrong, never read as dates.
COMMON_DATE_SPELLINGS = (
    DateFormat(pattern="%Y-%m-%d", shape=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", label="yyyy-mm-dd"),
    DateFormat(
        pattern="%Y-%m-%d %H:%M:%S",
        shape=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}",
        label="yyyy-mm-dd hh:mm (a date and a time)",
    ),
    DateFormat(pattern="%d/%m/%Y", shape=r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$", label="dd/mm/yyyy"),
    DateFormat(pattern="%d/%m/%y", shape=r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}$", label="dd/mm/yy"),
    DateFormat(pattern="%d-%m-%Y", shape=r"^[0-9]{2}-[0-9]{2}-[0-9]{4}$", label="dd-mm-yyyy"),
    DateFormat(pattern="%d.%m.%Y", shape=r"^[0-9]{2}\.[0-9]{2}\.[0-9]{4}$", label="dd.mm.yyyy"),
    DateFormat(pattern="%Y/%m/%d", shape=r"^[0-9]{4}/[0-9]{2}/[0-9]{2}$", label="yyyy/mm/dd"),
)
INTEGER_SHAPE = r"^[+-]?[0-9]+$"
# NOTE: a year before 1900 is a case system's empty date (.NET's 01/01/0001, SQL Server's
# 01/01/1753), never a date of a child's life or care: it is unreadable, so a finding on its row.
EARLIEST_YEAR = 1900
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
                expressions += [read_dates(text, date_formats).alias(column.name)]
                expressions += [text.alias(raw_name(column.name))]
            case ColumnType.INTEGER:
                number = text.str.strip_prefix("+").cast(pl.Int64, strict=False)
                shaped = pl.when(text.str.contains(INTEGER_SHAPE)).then(number)
                expressions += [shaped.alias(column.name), text.alias(raw_name(column.name))]
            # NOTE: codes are kept as written, never upper-cased: DfE's XML schemas enumerate
            # each code list case-sensitively, so `m` is not the code `M`.
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


def read_dates(text: pl.Expr, date_formats: tuple[DateFormat, ...]) -> pl.Expr:
    """The collection's one date reader: each value read with the first of `date_formats` whose
    exact shape it has, else null (blank, another spelling, an impossible day, a year before
    1900)."""
    trimmed = text.str.strip_chars()
    parsed = []
    for form in date_formats:
        body = trimmed if form.ignored is None else trimmed.str.replace(form.ignored, "")
        day = body.str.strptime(pl.Date, form.pattern, strict=False)
        parsed.append(pl.when(trimmed.str.contains(form.shape)).then(day))
    if not parsed:  # an empty table made up for a rule: no text to read
        return pl.lit(None, dtype=pl.Date)
    day = pl.coalesce(parsed) if len(parsed) > 1 else parsed[0]
    return pl.when(day.dt.year() >= EARLIEST_YEAR).then(day)


def read_date_values(
    values: list[str | None] | pl.Series, date_formats: tuple[DateFormat, ...]
) -> pl.Series:
    """`read_dates` over a list of cells."""
    series = pl.Series("date", values, dtype=pl.String)
    return series.to_frame().select(read_dates(pl.col("date"), date_formats)).to_series()


def read_date(text: str | None, date_formats: tuple[DateFormat, ...]) -> dt.date | None:
    """`read_dates` for one value."""
    return read_date_values([text], date_formats).item(0)


def _trimmed(name: str) -> pl.Expr:
    text = pl.col(name).str.strip_chars()
    return pl.when(text != "").then(text)


@dataclass(frozen=True)
class DateSpelling:
    """A column whose dates are mostly written in a spelling the collection does not accept."""

    label: str
    count: int
    total: int
    row: int
    value: str


def foreign_date_spelling(
    values: pl.Series, accepted: tuple[DateFormat, ...]
) -> DateSpelling | None:
    """The common spelling that at least half of a column's values share, when the collection
    does not accept it; a one-off mistake is left to the findings on its row."""
    text = values.cast(pl.String).str.strip_chars()
    total = int((text.fill_null("") != "").sum())
    accepted_labels = {form.label for form in accepted}
    best: DateSpelling | None = None
    for form in COMMON_DATE_SPELLINGS:
        if form.label in accepted_labels:
            continue
        shaped = text.str.contains(form.shape).fill_null(False)
        count = int(shaped.sum())
        if count * 2 >= total > 0 and (best is None or count > best.count):
            row = int(shaped.arg_true()[0])
            best = DateSpelling(form.label, count, total, row, str(text[row]))
    return best


def accepted_spellings(accepted: tuple[DateFormat, ...]) -> str:
    return " or ".join(form.label for form in accepted)
