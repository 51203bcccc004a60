"""Loads schemas/<collection>/<year>/schema.toml into pydantic models, following `extends`."""

import tomllib
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from csc_validate.periods import Period
from csc_validate.resources import collection_dir, data_dir


class ColumnType(StrEnum):
    ID = "id"
    TEXT = "text"
    CODE = "code"
    DATE = "date"
    PARTIAL_DATE = "partial_date"
    INTEGER = "integer"
    POSTCODE = "postcode"
    FLAG = "flag"


class ColumnSchema(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    type: ColumnType
    codes: str | None = None
    mandatory: bool = False
    format_rule: str | None = None
    # Not a column of the files: DfE derives it on load (SSDA903 Header.UASC from the UASC table).
    derived: bool = False
    description: str = ""


class TableSchema(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str = ""
    key: tuple[str, ...] = ()
    columns: tuple[ColumnSchema, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def file_columns(self) -> tuple[str, ...]:
        """The columns a file of this table has: all but the derived ones."""
        return tuple(column.name for column in self.columns if not column.derived)

    @property
    def mandatory(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.mandatory)

    def column(self, name: str) -> ColumnSchema:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name}")


class YearSchema(BaseModel):
    """Everything csc-validate knows about one collection year's data, before any rule runs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    collection: str
    year: str
    child_column: str
    tables: dict[str, TableSchema]
    codes: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @property
    def period(self) -> Period:
        """The whole collection year, as the collection defines it."""
        from csc_validate import collections  # the registry imports what imports schemas

        return collections.period(self.collection, self.year)


def available_years(collection: str) -> list[str]:
    """The collection years that have a schema, oldest first."""
    folder = collection_dir("schemas", collection)
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob("*/schema.toml"))


def available_collections() -> list[str]:
    return sorted(
        p.name for p in data_dir("schemas").iterdir() if (p.is_dir() and any(p.iterdir()))
    )


@cache
def load(collection: str, year: str) -> YearSchema:
    """The year's schema: its parent's tables and code lists, overridden by this year's file."""
    raw = _merged(collection, year)
    tables = {
        name: TableSchema(name=name, **table) for name, table in raw.get("tables", {}).items()
    }
    return YearSchema(
        collection=collection,
        year=year,
        child_column=raw["child_column"],
        tables=tables,
        codes={name: tuple(values) for name, values in raw.get("codes", {}).items()},
    )


def _merged(collection: str, year: str) -> dict[str, Any]:
    path: Path = collection_dir("schemas", collection) / year / "schema.toml"
    if not path.is_file():
        known = ", ".join(available_years(collection)) or "none"
        raise LookupError(f"no {collection} schema for {year} (known years: {known})")
    with path.open("rb") as handle:
        own = tomllib.load(handle)
    parent = own.pop("extends", None)
    if parent is None:
        return own
    merged = _merged(collection, parent)
    # A table is replaced whole (its column order matters); code lists are replaced by name.
    merged["tables"] = {**merged.get("tables", {}), **own.get("tables", {})}
    merged["codes"] = {**merged.get("codes", {}), **own.get("codes", {})}
    for key, value in own.items():
        if key not in ("tables", "codes"):
            merged[key] = value
    return merged
