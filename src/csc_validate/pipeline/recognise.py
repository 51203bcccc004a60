"""Which collection the files are: XML by root element, CSV and XLSX by their headers."""

from dataclasses import dataclass

from csc_validate import collections, schemas
from csc_validate.collection import Collection
from csc_validate.errors import InputError, UsageError
from csc_validate.pipeline.naming import naming
from csc_validate.pipeline.sources import Source
from csc_validate.readers import kind, read_table_file
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.readers.xml_safety import root_element
from csc_validate.schemas import TableSchema


@dataclass
class SniffedFile:
    """A file once its kind is known; XML files also know their root and so their collection."""

    source: Source
    kind: str
    root: str | None = None
    sheets: list[Sheet] | None = None
    root_line: int | None = None


def sniff(source: Source) -> SniffedFile:
    with naming(source.display):
        return _sniffed(source)


def _sniffed(source: Source) -> SniffedFile:
    file_kind = kind(source.path, source.display)
    if file_kind != "xml":
        return SniffedFile(source, file_kind)
    root, line = root_element(source.path, source.display)
    return SniffedFile(source, file_kind, root=root, root_line=line)


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


def owner(file: SniffedFile, forced: Collection | None) -> Collection:
    assert file.root is not None
    owner = collections.owning_xml_root(file.root)
    namespace, _, local = (
        file.root[1:].partition("}") if file.root.startswith("{") else ("", "", "")
    )
    if owner is None and collections.owning_xml_root(local) is not None:
        raise InputError(
            file.source.display,
            f'has the root element <{local}> in the XML namespace "{namespace}", which DfE\'s '
            "returns do not use",
            line=file.root_line,
            expected=f"<{local}> with no xmlns attribute",
        )
    if owner is None:
        known = ", ".join(
            f"<{root}> ({chosen.name})"
            for chosen in collections.registry().values()
            for root in chosen.xml_readers
        )
        raise InputError(
            file.source.display,
            f"has the root element <{file.root}>, which is not a return csc-validate reads",
            line=file.root_line,
            expected=known,
        )
    if forced is not None and owner.name != forced.name:
        raise InputError(
            file.source.display,
            f"is {owner.title} (root <{file.root}>), not {forced.title} as --collection says",
            expected=f"{forced.title}, or --collection {owner.name}",
        )
    return owner


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


def sheets_of(file: SniffedFile) -> list[Sheet]:
    if file.sheets is None:
        with naming(file.source.display):
            file.sheets = read_table_file(file.source.path, file.source.display, file.kind)
    return file.sheets


def all_tables(collection: str) -> dict[str, TableSchema]:
    """Every table any supported year has, so that recognising a file needs no year yet."""
    tables: dict[str, TableSchema] = {}
    for year in schemas.available_years(collection):
        tables.update(schemas.load(collection, year).tables)
    return tables


def schema_or(collection: str, year: str, fallback: schemas.YearSchema) -> schemas.YearSchema:
    try:
        return schemas.load(collection, year)
    except LookupError:
        return fallback
