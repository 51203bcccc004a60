"""Turns the bytes of a delimited text file into text, the way councils' exports are encoded."""

import codecs

from csc_validate.errors import InputError


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Return the text and the encoding it was read with.

    UTF-8 (with or without BOM) is what DfE asks for; UTF-16 comes from Excel's "Unicode text";
    Windows-1252 is what Excel on Windows writes for "CSV (Comma delimited)", so £ and é arrive
    as single bytes that are not valid UTF-8.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    if b"\x00" in data[:8192]:
        raise InputError(
            file,
            "is not a text file: it contains binary data",
            expected="a CSV export, an XLSX workbook or a DfE XML file",
        )
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            file,
            f"cannot be decoded: byte 0x{data[error.start]:02x} is neither UTF-8 nor Windows-1252",
            line=line,
            expected="a file saved as CSV UTF-8",
        ) from None
