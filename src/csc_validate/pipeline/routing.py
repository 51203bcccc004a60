"""Which collection an XML file is a return of: by its root element, the root's namespace and,
for a root that other returns share, the header item that names the return."""

from csc_validate import collections
from csc_validate.collection import Collection, XmlIdentity
from csc_validate.errors import InputError
from csc_validate.pipeline.sources import SniffedFile
from csc_validate.readers.xml_safety import header_item


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
