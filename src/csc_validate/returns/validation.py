"""Checks a written return against the year's XML schema (XSD), where one can be had."""

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from csc_validate.resources import data_dir
from csc_validate.returns import ReturnFile

if TYPE_CHECKING:
    import xmlschema

SHOWN = 5


def schema_path(file: ReturnFile, collection: str, year: str) -> Path | None:
    """The XSD that applies to the file, if the year has one in schemas/<collection>/<year>/."""
    if file.kind != "xml" or file.schema is None:
        return None
    path = data_dir("schemas") / collection / year / file.schema
    return path if path.is_file() else None


def problems(file: ReturnFile, xsd: Path, limit: int | None = SHOWN) -> list[str]:
    """Where the file breaks the schema: element path and reason, the first `limit`."""
    document = etree.fromstring(file.data)
    found = []
    for error in _schema(xsd).iter_errors(document):
        found.append(f"{error.path}: {error.reason}")
        if len(found) == limit:
            break
    return found


@cache
def _schema(xsd: Path) -> "xmlschema.XMLSchema":
    # Imported here: xmlschema takes longer to import than a small check takes to run, and only
    # `export` and `convert` of a year with an XSD need it.
    import xmlschema

    return xmlschema.XMLSchema(xsd)
