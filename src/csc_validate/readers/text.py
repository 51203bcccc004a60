"""Turns the bytes of a delimited text file into text, the way councils' exports are encoded."""

import codecs
import re

from csc_validate.errors import InputError

SNIFF = 8192
# A UTF-8 sequence of two to four bytes: text that holds one was written as UTF-8, at least there.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# In UTF-16 text of ASCII characters every other byte is zero; this share of them, at least.
UTF16_ZEROS = 0.9


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Return the text and the encoding it was read with.

    UTF-8 (with or without BOM) is what DfE asks for; UTF-16 comes from Excel's "Unicode text"
    (some tools leave its BOM out); Windows-1252 is what Excel on Windows writes for
    "CSV (Comma delimited)", so £ and é arrive as single bytes that are not valid UTF-8.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, "utf-16", file), "UTF-16"
    if b"\x00" in data[:SNIFF]:
        without_bom = _utf16_without_bom(data[:SNIFF])
        if without_bom is None:
            raise InputError(
                file,
                "is not a text file: it contains binary data",
                expected="a CSV export, an XLSX workbook or a DfE XML file",
            )
        return _utf16(data, without_bom, file), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        _refuse_mixed(data, error.start, file)
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise InputError(
            file,
            f"cannot be decoded: byte 0x{data[error.start]:02x} is neither UTF-8 nor Windows-1252",
            line=_line_of(data, error.start),
            expected="a file saved as CSV UTF-8",
        ) from None


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the zero bytes fall where UTF-16 puts them, else None."""
    pairs = len(head) // 2
    if not pairs:
        return None
    odd_zeros = head[1 : pairs * 2 : 2].count(0)
    even_zeros = head[0 : pairs * 2 : 2].count(0)
    if odd_zeros >= UTF16_ZEROS * pairs and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= UTF16_ZEROS * pairs and odd_zeros == 0:
        return "utf-16-be"
    return None


def _utf16(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            file,
            f"cannot be decoded as UTF-16: the bytes at offset {error.start} are not UTF-16, "
            "so the file may have been cut short or joined to another",
            expected="a file saved whole in one encoding, preferably CSV UTF-8",
        ) from None


def _refuse_mixed(data: bytes, bad: int, file: str) -> None:
    """Raise when the file is partly UTF-8 and partly not: reading it either way garbles a part."""
    found = UTF8_SEQUENCE.search(data)
    if found is None:
        return
    raise InputError(
        file,
        f"mixes text encodings: line {_line_of(data, found.start())} is UTF-8 but byte "
        f"0x{data[bad]:02x} here is not",
        line=_line_of(data, bad),
        expected="one encoding for the whole file: save it again as CSV UTF-8",
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
