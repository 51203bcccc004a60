"""Which collection the files are: XML by its routing, CSV and XLSX by their header rows."""

from csc_validate import collections, schemas
from csc_validate.collection import Collection
from csc_validate.errors import InputError, UsageError
from csc_validate.pipeline.routing import owner
from csc_validate.pipeline.sources import SniffedFile, sheets_of
from csc_validate.readers.sheets import normalise_header
from csc_validate.schemas import TableSchema


def choose_collection(name: str | None, files: list[SniffedFile]) -> Collection:
    """The collection named, else the one the XML roots or the CSV headers belong to."""
    forced = collections.get(name) if name is not None else None
    owners = {}
    for file in files:
        if file.root is not None:
            owners[file.source.display] = owner(file, forced)
    if forced is not None:
        return forced
    distinct = {owner.name: owner for owner in owners.values()}
    if len(distinct) > 1:
        described = ", ".join(f"{file} is {owner.title}" for file, owner in owners.items())
        raise UsageError(
            f"the files belong to different returns ({described}); check one at a time"
        )
    if distinct:
        return next(iter(distinct.values()))
    return _collection_from_headers(files)


def no_table(chosen: Collection, files: list[SniffedFile], displays: list[str]) -> Exception:
    """Why nothing could be checked: the files are another return's, or no return's at all."""
    others = {name: score for name, score in header_scores(files).items() if name != chosen.name}
    where = (
        displays[0] if len(displays) == 1 else f"{displays[0]} and {len(displays) - 1} more files"
    )
    if others:
        other = collections.get(max(others, key=lambda name: others[name]))
        verb = "holds" if len(displays) == 1 else "hold"
        return UsageError(
            f"{where} {verb} tables of {other.title}, not of {chosen.title}; "
            f"use --collection {other.name} or give {chosen.title}"
        )
    return InputError(
        where,
        f"holds no table of {chosen.title}: no file's columns match one of its tables",
        expected=f"files with the column headers of {chosen.title}'s tables",
    )


def _collection_from_headers(files: list[SniffedFile]) -> Collection:
    """The collection with the most sheets whose header holds one of its tables' key columns."""
    scores = header_scores(files)
    if not scores:
        return collections.default()
    best = max(scores.values())
    leaders = [name for name, score in scores.items() if score == best]
    if len(leaders) > 1:
        raise UsageError(
            f"the files fit the tables of {' and '.join(leaders)} equally well; "
            "say which with --collection"
        )
    return collections.get(leaders[0])


def header_scores(files: list[SniffedFile]) -> dict[str, int]:
    """For each collection, how many CSV or XLSX sheets hold one of its tables' key columns."""
    scores: dict[str, int] = {}
    for chosen in collections.registry().values():
        keys = [
            {normalise_header(c) for c in table.mandatory}
            for table in all_tables(chosen.name).values()
        ]
        for file in files:
            for sheet in sheets_of(file):
                header = {normalise_header(c) for c in sheet.columns}
                if any(key and key <= header for key in keys):
                    scores[chosen.name] = scores.get(chosen.name, 0) + 1
    return scores


def all_tables(collection: str) -> dict[str, TableSchema]:
    """Every table any supported year has, so that recognising a file needs no year yet."""
    tables: dict[str, TableSchema] = {}
    for year in schemas.available_years(collection):
        tables.update(schemas.load(collection, year).tables)
    return tables


def schema_or(collection: str, year: str, fallback: schemas.YearSchema) -> schemas.YearSchema:
    """The year's schema, or `fallback` for a year csc-validate has none for."""
    try:
        return schemas.load(collection, year)
    except LookupError:
        return fallback
