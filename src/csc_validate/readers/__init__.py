"""Readers: a file becomes sheets of text cells, whatever its format or name."""

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from csc_validate.errors import InputError
from csc_validate.readers import delimited
from csc_validate.readers.sheets import Sheet

ZIP_SIGNATURE = b"PK\x03\x04"
# An OLE compound file: an old .xls workbook, or an XLSX saved with a password to open.
COMPOUND_FILE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
SNIFF_BYTES = 4096
HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileRead:
    """One file as read: its sheets, what the user should know about it, and its digest."""

    sheets: list[Sheet]
    sha256: str
    notes: list[str] = field(default_factory=list)


def kind(path: Path, display: str) -> str:
    """ "xlsx", "xml" or "text", told from the file's first bytes, never from its name."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise InputError(display, f"cannot be read: {error.strerror}") from None
    if not head.strip():
        raise InputError(display, "is empty", expected="a header row naming the DfE columns")
    if head.startswith(ZIP_SIGNATURE):
        return "xlsx"
    if head.startswith(COMPOUND_FILE_SIGNATURE):
        raise InputError(
            display,
            "is a password-protected workbook or an old .xls file",
            expected="an XLSX workbook saved without a password to open, or a CSV export",
        )
    if _markup_text(head).lstrip("\ufeff \t\r\n").startswith("<"):
        return "xml"
    if path.suffix.lower() == ".xml":
        raise InputError(
            display,
            "is named .xml but is not XML: it does not start with an element",
            expected="a DfE XML return, or rename a CSV export to .csv",
        )
    return "text"


def _markup_text(head: bytes) -> str:
    """The first characters of the file, in UTF-16 if its bytes say so (XML may be UTF-16)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif head.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif head.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    return head[:64].decode(encoding, errors="replace")


def read_table_file(path: Path, display: str, file_kind: str) -> list[Sheet]:
    """The sheets of a CSV or XLSX file (XML returns are read by their collection)."""
    data = load_bytes(path, display)
    if not data.strip():
        raise InputError(display, "is empty", expected="a header row naming the DfE columns")
    if file_kind == "xlsx":
        # openpyxl takes a noticeable part of start-up: imported only for a workbook.
        from csc_validate.readers import xlsx

        return xlsx.read(data, display)
    return [delimited.read(data, display)]


def load_bytes(path: Path, display: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(display, f"cannot be read: {error.strerror}") from None


def sha256(path: Path, display: str) -> str:
    """The file's digest, read in chunks so that a large XML return is never held whole."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError as error:
        raise InputError(display, f"cannot be read: {error.strerror}") from None
    return digest.hexdigest()
