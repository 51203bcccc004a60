"""What of an SSDA903 XML child the reader does not take as data, named with its line.

The reader reads a CHILD by DfE's CLA XSD; this module walks the same child first and says
what it will pass over: an element the return does not have, an item given twice, a second
HEADER, a namespace. Records wrapped in an element the return does not have (episodes inside
an <EPISODES>, say) stop the check: read as nothing, they would drop a child's records.
"""

from lxml import etree

from csc_validate.collections.ssda903.xml_mapping import (
    CHILD,
    EPISODE,
    EPISODE_RECORD,
    HEADER,
    HEADER_RECORDS,
    HEADER_SEQUENCE,
    NESTED,
    ROOT,
    SW_IDENTITY,
    SW_RECORD,
    element,
)
from csc_validate.errors import InputError
from csc_validate.readers.xml_notes import ElementNotes

Element = etree._Element
HEADER_ITEMS = frozenset(element(item) for item in HEADER_SEQUENCE if isinstance(item, str))
# Items directly in CHILD: a social-worker file's child has its id and date of birth there.
CHILD_ITEMS = HEADER_ITEMS | {element(item) for item in SW_IDENTITY}
RECORD_ITEMS = {
    record.element: frozenset(element(item) for item in record.items)
    for record in (*NESTED, EPISODE_RECORD, SW_RECORD)
}
# What an element the return does not have may wrap: records, or whole children.
WRAPPABLE = frozenset(RECORD_ITEMS) | {CHILD}


class Shape:
    """The notes on one file: one per kind of oddity, naming each line it appears at."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.noted = ElementNotes(display)
        self.namespaces: set[str] = set()

    def notes(self) -> list[str]:
        return self.noted.notes()

    def local(self, part: Element) -> str:
        """The element's name without a namespace, which is noted once and then ignored; the
        element is renamed so that the reader finds it."""
        tag = part.tag
        if not isinstance(tag, str):
            return ""
        if tag[0] != "{":
            return tag
        namespace, _, name = tag[1:].partition("}")
        if namespace not in self.namespaces:
            self.namespaces.add(namespace)
            self._note(
                f"namespace {namespace}",
                part,
                f'the file declares the XML namespace "{namespace}" (on <{name}>), where '
                "DfE's SSDA903 XML has none; elements are read by their local names",
            )
        part.tag = name
        return name

    def stray(self, part: Element, where: str) -> None:
        """An element directly inside the root that is not a CHILD."""
        self._unknown(part, self.local(part), where)

    def child(self, child: Element) -> None:
        """Name every part of a CHILD the reader will not read; rename namespaced elements
        among those it reads."""
        where = f"{ROOT}/{CHILD}"
        names = [self.local(part) for part in child]
        has_header = HEADER in names
        headers = 0
        seen: set[str] = set()
        for part, name in zip(child, names, strict=True):
            if not name:
                continue
            if name == HEADER:
                headers += 1
                if headers > 1:
                    self._repeated(part, name, where, "only the first is read")
                else:
                    self._header(part)
            elif name in (EPISODE, SW_RECORD.element):
                self._record(part, name, f"{where}/{name}")
            elif len(part) or has_header or name not in CHILD_ITEMS:
                self._unknown(part, name, where)
            elif name in seen:
                self._repeated(part, name, where, "only the first is read")
            seen.add(name)

    def _header(self, header: Element) -> None:
        where = f"{ROOT}/{CHILD}/{HEADER}"
        seen: set[str] = set()
        for part in header:
            name = self.local(part)
            if not name:
                continue
            if name in HEADER_RECORDS or name == SW_RECORD.element:
                self._record(part, name, f"{where}/{name}")
            elif len(part) or name not in HEADER_ITEMS:
                self._unknown(part, name, where)
            elif name in seen:
                self._repeated(part, name, where, "only the first is read")
            seen.add(name)

    def _record(self, record: Element, name: str, where: str) -> None:
        items = RECORD_ITEMS[name]
        seen: set[str] = set()
        for part in record:
            item = self.local(part)
            if not item:
                continue
            if len(part) or item not in items:
                self._unknown(part, item, where)
            elif item in seen:
                self._repeated(part, item, where, "only the first is read")
            seen.add(item)

    def _unknown(self, part: Element, name: str, where: str) -> None:
        parent = where.rpartition("/")[2]
        inside = [
            inner for inner in part.iter() if inner is not part and _local(inner) in WRAPPABLE
        ]
        if inside:
            first = _local(inside[0])
            wrapped = [inner for inner in inside if _local(inner) == first]
            raise InputError(
                self.display,
                f"element <{name}> inside <{parent}> wraps {len(wrapped)} <{first}> "
                f"element{'s' if len(wrapped) > 1 else ''}, which DfE's SSDA903 XML does not "
                "wrap, so they cannot be read",
                line=part.sourceline,
                expected=f"each <{first}> directly inside <{_home(first)}>",
            )
        self._note(
            f"{where}/{name}",
            part,
            f"element <{name}> inside <{parent}> is not part of the SSDA903 return; ignored",
        )

    def _repeated(self, part: Element, name: str, where: str, action: str) -> None:
        parent = where.rpartition("/")[2]
        self._note(
            f"{where}/{name} repeated",
            part,
            f"element <{name}> appears more than once inside <{parent}>; {action}",
        )

    def _note(self, key: str, part: Element, text: str) -> None:
        self.noted.add(key, part, text)


def _local(part: Element) -> str:
    return etree.QName(part).localname if isinstance(part.tag, str) else ""


def _home(record: str) -> str:
    if record == CHILD:
        return ROOT
    return HEADER if record in HEADER_RECORDS else CHILD
