"""Which collection the files are: XML by root element, namespace and header; CSV and XLSX by
their header rows."""

from dataclasses import dataclass, field

from csc_validate import collections, schemas
from csc_validate.collection import Collection, XmlIdentity
from csc_validate.errors import InputError, UsageError
from csc_validate.pipeline.naming import naming
from csc_validate.pipeline.sources import Source
from csc_validate.readers import kind, read_table_file
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.readers.xml_safety import header_item, root_element
from csc_validate.schemas import TableSchema


@dataclass
class SniffedFile:
    """A file once its kind is known; XML files also know their root and so their collection."""

    source: Source
    kind: str
    root: str | None = None
    sheets: list[Sheet] | None = None
    root_line: int | None = None
    # Header items read to route the file, by their path below the root.
    header_items: dict[tuple[str, ...], tuple[str, int] | None] = field(default_factory=dict)


def sniff(source: Source) -> SniffedFile:
    """The file's kind and, for XML, its root element (read no further than that)."""
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
    """The collection an XML file is a return of: by its root element, the root's namespace
    and, for a root that other returns share, the header item that names the return."""
    assert file.root is not None
    namespace, local = split_tag(file.root)
    by_root = [c for c in collections.registry().values() if local in c.xml_readers]
    if not by_root:
        raise _unknown_root(file, namespace, local)
    in_namespace = [c for c in by_root if _identity(c, local).namespace == namespace]
    if not in_namespace:
        raise _wrong_namespace(file, namespace, local, by_root)
    owner = _named_by_header(file, local, in_namespace)
    if forced is not None and owner.name != forced.name:
        raise InputError(
            file.source.display,
            f"is {owner.title} (root <{file.root}>), not {forced.title} as --collection says",
            expected=f"{forced.title}, or --collection {owner.name}",
        )
    return owner


def split_tag(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a tag as lxml writes it: "{urn:x}Message" or "Message"."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _identity(chosen: Collection, root: str) -> XmlIdentity:
    return chosen.xml_identities.get(root, XmlIdentity())


def _unknown_root(file: SniffedFile, namespace: str, local: str) -> InputError:
    known = ", ".join(
        f"<{root}> ({chosen.name})"
        for chosen in collections.registry().values()
        for root in chosen.xml_readers
    )
    where = f' in the XML namespace "{namespace}"' if namespace else ""
    return InputError(
        file.source.display,
        f"has the root element <{local}>{where}, which is not a return csc-validate reads",
        line=file.root_line,
        expected=known,
    )


def _wrong_namespace(
    file: SniffedFile, namespace: str, local: str, by_root: list[Collection]
) -> InputError:
    wanted = list(dict.fromkeys(_identity(chosen, local).namespace for chosen in by_root))
    if namespace and wanted == [""]:
        problem = f'in the XML namespace "{namespace}", which DfE\'s returns do not use'
    else:
        where = f'the XML namespace "{namespace}"' if namespace else "no XML namespace"
        problem = f"in {where}, which is not the namespace of {by_root[0].title}'s XML"
    return InputError(
        file.source.display,
        f"has the root element <{local}> {problem}",
        line=file.root_line,
        expected=" or ".join(
            f'<{local} xmlns="{wanted_namespace}">'
            if wanted_namespace
            else f"<{local}> with no xmlns attribute"
            for wanted_namespace in wanted
        ),
    )


def _named_by_header(file: SniffedFile, local: str, candidates: list[Collection]) -> Collection:
    """Among the collections with this root, the one the file's header names. A return whose
    root has no header item to name it, or a file that leaves the item blank, goes by its
    root; a header naming another return is refused rather than read as this one."""
    unnamed: list[Collection] = []
    refused: list[tuple[Collection, tuple[str, ...], tuple[str, int]]] = []
    for chosen in candidates:
        identity = _identity(chosen, local)
        item = _header_item(file, identity.header) if identity.header else None
        if item is None or not item[0]:
            unnamed.append(chosen)
        elif item[0].casefold() == identity.name.casefold():
            return chosen
        else:
            refused.append((chosen, identity.header, item))
    if unnamed:
        return unnamed[0]
    _, route, (value, line) = refused[0]
    namespace, _ = split_tag(file.root or "")
    where = f' in the XML namespace "{namespace}"' if namespace else ""
    expected = " or ".join(
        f"<{path[-1]}>{_identity(chosen, local).name}</{path[-1]}> for {chosen.title}"
        for chosen, path, _ in refused
    )
    item_path = "/".join(route)
    raise InputError(
        file.source.display,
        f"has the root element <{local}>{where}, but its {item_path} names the return "
        f'"{value}", which is not a return csc-validate reads',
        line=line,
        expected=expected,
    )


def _header_item(file: SniffedFile, route: tuple[str, ...]) -> tuple[str, int] | None:
    if route not in file.header_items:
        file.header_items[route] = header_item(file.source.path, file.source.display, route)
    return file.header_items[route]


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
    """The CSV or XLSX file's sheets, read once and kept until its tables are found."""
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
    """The year's schema, or `fallback` for a year csc-validate has none for."""
    try:
        return schemas.load(collection, year)
    except LookupError:
        return fallback
