"""Building and serialising return XML: deterministic, UTF-8, two-space indents."""

from lxml import etree

Element = etree._Element
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def item(parent: Element, tag: str, value: str | None, required: bool = False) -> None:
    """Add <tag>value</tag>; a blank value is left out, or written empty when required."""
    if value is None and not required:
        return
    etree.SubElement(parent, tag).text = value


def serialise(root: Element) -> bytes:
    """The document with an XML declaration; the same tree always gives the same bytes."""
    etree.indent(root, space="  ")
    return DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)
