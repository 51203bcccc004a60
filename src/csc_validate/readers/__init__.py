"""Readers: a file's bytes become sheets of text cells, whatever the file's format or name."""

from pathlib import Path

from lxml import etree

from csc_validate.errors import InputError
from csc_validate.readers import csv_903, xlsx, xml_903
from csc_validate.readers.sheets import Sheet

ZIP_SIGNATURE = b"PK\x03\x04"
XML_READERS = {"EXPSSDA903": xml_903.read}


def load_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(display, f"cannot be read: {error.strerror}") from None


def read_sheets(data: bytes, display: str) -> list[Sheet]:
    """Read one file's bytes, recognising XLSX, XML and delimited text by content, not name."""
    if not data.strip():
        raise InputError(display, "is empty", expected="a header row naming the DfE columns")
    if data.startswith(ZIP_SIGNATURE):
        return xlsx.read(data, display)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _read_xml(data, display)
    return [csv_903.read(data, display)]


def _read_xml(data: bytes, display: str) -> list[Sheet]:
    # No network and no entity expansion: the file is data, not instructions.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(
            display, f"is not well-formed XML: {error.msg}", line=error.lineno or None
        ) from None
    reader = XML_READERS.get(str(root.tag))
    if reader is None:
        known = ", ".join(f"<{tag}>" for tag in XML_READERS)
        raise InputError(
            display,
            f"has the root element <{root.tag}>, which is not a return csc-validate reads",
            line=root.sourceline,
            expected=known,
        )
    return reader(root, display)
