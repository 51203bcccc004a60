"""The bad-input corpus: every way a return arrives broken, generated here, never kept as binaries.

Each case writes its files into a folder and names the `csc-validate check` arguments, the exit
code and the one line the run must give: for input that cannot be used, the `error:` line on
standard error; for values that are wrong but readable, the finding's row of the CSV report.

`python tests/hostile_corpus.py FOLDER` writes the whole corpus out, one folder per case, to try
by hand.
"""

import codecs
import io
import random
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

HEADER_COLUMNS = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODE_COLUMNS = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)
CLEAN_HEADER_ROW = "1,F,01/01/2015,WBRI,,,"
CLEAN_EPISODE_ROW = "1,01/05/2025,S,C2,N1,U1,PR1,,,,,,"
# The corpus is about broken files, not missing tables: each case gives only the tables it needs.
YEAR = ("--year", "2025-26", "--partial")
LARGE = 50 * 1024 * 1024


@dataclass(frozen=True)
class Hostile:
    """One broken input and what csc-validate must say about it."""

    name: str
    kind: str
    build: Callable[[Path], list[str]]
    exit_code: int
    # A regular expression the line must match in full. Where another piece of work (year
    # inference, recognising tables) may change the wording, the pattern is left loose there.
    line: str
    stream: str = "stderr"


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)


def _files(files: dict[str, str | bytes], *args: str) -> Callable[[Path], list[str]]:
    """A builder writing fixed files; the arguments are the file names, then `args`."""

    def build(folder: Path) -> list[str]:
        _write(folder, files)
        return [*files, *args]

    return build


def _header(*rows: str) -> str:
    return "\n".join([HEADER_COLUMNS, *rows]) + "\n"


def _episodes(*rows: str) -> str:
    return "\n".join([EPISODE_COLUMNS, *rows]) + "\n"


def _csv_with(header_rows: list[str], *args: str) -> Callable[[Path], list[str]]:
    """A return with a Header table of these rows and one clean episode, reported as CSV."""
    return _files(
        {"header.csv": _header(*header_rows), "episodes.csv": _episodes(CLEAN_EPISODE_ROW)},
        *YEAR,
        "--format",
        "csv",
        *args,
    )


def _finding(
    rule: str, table: str, row: int, line: int, child: str, field: str, value: str, file: str
) -> str:
    """The CSV report's row for one finding (message and detail left loose)."""
    return (
        rf"{re.escape(rule)},(error|query),{table},{row},{line},{re.escape(child)},{field},"
        rf'"?{re.escape(field)}={re.escape(value)}"?,.*,{re.escape(file)},,.*'
    )


def _error(text: str) -> str:
    return "error: " + re.escape(text)


# --- CSV -----------------------------------------------------------------------------------


def _zip_renamed(folder: Path) -> list[str]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("header.csv", _header(CLEAN_HEADER_ROW))
    _write(folder, {"header.csv": buffer.getvalue()})
    return ["header.csv", *YEAR]


def _binary_junk(folder: Path) -> list[str]:
    junk = random.Random(903).randbytes(20_000)
    _write(folder, {"header.csv": junk})
    return ["header.csv", *YEAR]


def _one_huge_line(folder: Path) -> list[str]:
    # A 50 MB value on one line: an export that lost its line breaks inside a quoted field.
    with (folder / "header.csv").open("wb") as handle:
        handle.write(f"{HEADER_COLUMNS}\n1,F,01/01/2015,WBRI,".encode())
        handle.write(b"A" * LARGE)
        handle.write(b",,\n")
    return ["header.csv", *YEAR]


def _quote_left_open_early(folder: Path) -> list[str]:
    # A stray quote on line 3 swallows the 60,000 rows after it into one value.
    rows = [CLEAN_HEADER_ROW, '2,F,"01/01/2015,WBRI,,,'] + [CLEAN_HEADER_ROW] * 60_000
    _write(folder, {"header.csv": _header(*rows)})
    return ["header.csv", *YEAR]


def _huge_header(folder: Path) -> list[str]:
    # One 50 MB line of commas and text: no newline anywhere, so it is all header.
    cell = b"COLUMN,"
    with (folder / "header.csv").open("wb") as handle:
        handle.write(cell * (LARGE // len(cell)))
    return ["header.csv", *YEAR]


def _million_blank_lines(folder: Path) -> list[str]:
    with (folder / "header.csv").open("wb") as handle:
        handle.write(f"{HEADER_COLUMNS}\n".encode())
        handle.write(b"\n" * 1_000_000)
        handle.write(b"1,F,31/02/2015,WBRI,,,\n")
    _write(folder, {"episodes.csv": _episodes(CLEAN_EPISODE_ROW)})
    return ["header.csv", "episodes.csv", *YEAR, "--format", "csv", "--select", "102"]


def _mixed_encodings(folder: Path) -> list[str]:
    text = _header("1,F,01/01/2015,WBRI,,,", "2,F,01/01/2016,WBRI,,,")
    # Row 2 pasted from a UTF-8 file, row 3 typed in Excel on Windows: "£" both ways.
    utf8 = text.replace("1,F,01/01/2015,WBRI,,,", "1£,F,01/01/2015,WBRI,,,").encode("utf-8")
    data = utf8.replace(b"2,F,01/01/2016", "2£,F,01/01/2016".encode("cp1252"))
    _write(folder, {"header.csv": data})
    return ["header.csv", *YEAR]


def _utf16(bom: bool, big_endian: bool = False) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        text = _header("1,F,31/02/2015,WBRI,,,")
        encoding = "utf-16-be" if big_endian else "utf-16-le"
        mark = (codecs.BOM_UTF16_BE if big_endian else codecs.BOM_UTF16_LE) if bom else b""
        _write(
            folder,
            {
                "header.csv": mark + text.encode(encoding),
                "episodes.csv": _episodes(CLEAN_EPISODE_ROW),
            },
        )
        return ["header.csv", "episodes.csv", *YEAR, "--format", "csv", "--select", "102"]

    return build


CSV_CASES = [
    Hostile(
        "empty",
        "csv",
        _files({"header.csv": ""}, *YEAR),
        2,
        _error("header.csv: is empty (expected a header row naming the DfE columns)"),
    ),
    Hostile(
        "blank-lines-only",
        "csv",
        _files({"header.csv": "\n\n  \n"}, *YEAR),
        2,
        _error("header.csv: is empty (expected a header row naming the DfE columns)"),
    ),
    Hostile(
        "byte-order-mark-only",
        "csv",
        _files({"header.csv": b"\xef\xbb\xbf"}, *YEAR),
        2,
        _error("header.csv: is empty (expected a header row naming the DfE columns)"),
    ),
    Hostile(
        "header-only",
        "csv",
        _files({"header.csv": _header()}, *YEAR),
        2,
        _error("header.csv, line 1: has a header but no rows (expected at least one row of data)"),
    ),
    Hostile(
        "binary-junk",
        "csv",
        _binary_junk,
        2,
        _error(
            "header.csv: is not a text file: it contains binary data "
            "(expected a CSV export, an XLSX workbook or a DfE XML file)"
        ),
    ),
    Hostile(
        "zip-renamed-csv",
        "csv",
        _zip_renamed,
        2,
        _error(
            "header.csv: is a ZIP archive, not an XLSX workbook (it holds header.csv) "
            "(expected a CSV file, or the XLSX workbook itself: unzip the archive first)"
        ),
    ),
    Hostile(
        "unclosed-quote",
        "csv",
        _files({"header.csv": _header(CLEAN_HEADER_ROW, '2,F,"01/01/2015,WBRI,,,')}, *YEAR),
        2,
        _error(
            "header.csv, line 3: a quoted value opened here is never closed, so the file may "
            'have been cut short (expected a closing " before the end of the file)'
        ),
    ),
    Hostile(
        "mixed-encodings",
        "csv",
        _mixed_encodings,
        2,
        _error(
            "header.csv, line 3: mixes text encodings: line 2 is UTF-8 but byte 0xa3 here is "
            "not (expected one encoding for the whole file: save it again as CSV UTF-8)"
        ),
    ),
    Hostile(
        "utf16-with-bom",
        "csv",
        _utf16(bom=True),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "31/02/2015", "header.csv"),
        "stdout",
    ),
    Hostile(
        "utf16-without-bom",
        "csv",
        _utf16(bom=False),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "31/02/2015", "header.csv"),
        "stdout",
    ),
    Hostile(
        "utf16-big-endian-without-bom",
        "csv",
        _utf16(bom=False, big_endian=True),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "31/02/2015", "header.csv"),
        "stdout",
    ),
    Hostile(
        "semicolons",
        "csv",
        _files(
            {
                "header.csv": _header("1,F,31/02/2015,WBRI,,,").replace(",", ";"),
                "episodes.csv": _episodes(CLEAN_EPISODE_ROW).replace(",", ";"),
            },
            *YEAR,
            "--format",
            "csv",
            "--select",
            "102",
        ),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "31/02/2015", "header.csv"),
        "stdout",
    ),
    Hostile(
        "duplicated-columns",
        "csv",
        _files({"header.csv": "CHILD,SEX,DOB,DOB,ETHNIC\n1,F,01/01/2015,02/01/2015,WBRI\n"}, *YEAR),
        2,
        _error(
            'header.csv, line 1: "DOB" appears twice in the header (columns 3 and 4) '
            "(expected each column once)"
        ),
    ),
    Hostile(
        "fifty-megabyte-value",
        "csv",
        _one_huge_line,
        2,
        _error(
            "header.csv, line 2: a value is longer than 1000000 characters, so a quote or "
            "line break is probably missing (expected values of at most 1000000 characters)"
        ),
    ),
    Hostile(
        "quote-left-open-early",
        "csv",
        _quote_left_open_early,
        2,
        _error(
            "header.csv, line 3: a value is longer than 1000000 characters, so a quote or "
            "line break is probably missing (expected values of at most 1000000 characters)"
        ),
    ),
    Hostile(
        "fifty-megabyte-header",
        "csv",
        _huge_header,
        2,
        _error(
            f"header.csv, line 1: the header has {LARGE // len('COLUMN,') + 1} columns "
            "(expected at most 1000 columns)"
        ),
    ),
    Hostile(
        "million-blank-lines",
        "csv",
        _million_blank_lines,
        1,
        _finding("102", "Header", 0, 1_000_002, "1", "DOB", "31/02/2015", "header.csv"),
        "stdout",
    ),
    Hostile(
        "too-many-cells",
        "csv",
        _csv_with(["1,F,01/01/2015,WBRI,,,,extra"], "--select", "CSC004"),
        1,
        r"CSC004,error,Header,0,2,1,,,.*,header\.csv,,8 fields where the header has 7.*",
        "stdout",
    ),
]

# --- wrong values that can be read: findings, not crashes ------------------------------------

WRONG_DATES = ["2015-01-01", "1/1/2015", "01-01-2015", "01/01/15", "1 Jan 2015"]

VALUE_CASES = [
    *[
        Hostile(
            f"date-{index}-{value.replace('/', '_').replace(' ', '_')}",
            "values",
            _csv_with([f"1,F,{value},WBRI,,,"], "--select", "102"),
            1,
            _finding("102", "Header", 0, 2, "1", "DOB", value, "header.csv"),
            "stdout",
        )
        for index, value in enumerate(WRONG_DATES, start=1)
    ],
    Hostile(
        "thousands-separator",
        "values",
        _files(
            {
                "oc2.csv": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
                "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,"
                'INTERVENTION_OFFERED\n1,01/01/2015,"1,000",,0,1,1,1,1,0,,\n',
                "header.csv": _header(CLEAN_HEADER_ROW),
                "episodes.csv": _episodes(CLEAN_EPISODE_ROW),
            },
            *YEAR,
            "--format",
            "csv",
            "--select",
            "180",
        ),
        1,
        _finding("180", "OC2", 0, 2, "1", "SDQ_SCORE", "1,000", "oc2.csv"),
        "stdout",
    ),
    Hostile(
        "excel-na-as-date",
        "values",
        _csv_with(["1,F,#N/A,WBRI,,,"], "--select", "102"),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "#N/A", "header.csv"),
        "stdout",
    ),
    Hostile(
        "excel-ref-as-code",
        "values",
        _csv_with(["1,F,01/01/2015,#REF!,,,"], "--select", "103"),
        1,
        _finding("103", "Header", 0, 2, "1", "ETHNIC", "#REF!", "header.csv"),
        "stdout",
    ),
]


# --- XLSX ----------------------------------------------------------------------------------


def _workbook(fill: Callable[[Workbook], None], *args: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Header"
        sheet.append(HEADER_COLUMNS.split(","))
        sheet.append(["1", "F", "01/01/2015", "WBRI"])
        sheet.append(["2", "M", "01/01/2016", "WBRI"])
        episodes = workbook.create_sheet("Episodes")
        episodes.append(EPISODE_COLUMNS.split(","))
        episodes.append(CLEAN_EPISODE_ROW.split(","))
        fill(workbook)
        workbook.save(folder / "return.xlsx")
        return ["return.xlsx", *YEAR, *args]

    return build


def _merge(workbook: Workbook) -> None:
    workbook["Header"].merge_cells("B2:B3")


def _hide(workbook: Workbook) -> None:
    stale = workbook.create_sheet("Old header")
    stale.append(HEADER_COLUMNS.split(","))
    stale.append(["9", "F", "01/01/2010", "WBRI"])
    stale.sheet_state = "hidden"


def _formula(workbook: Workbook) -> None:
    # openpyxl saves a formula without the value Excel would cache beside it.
    workbook["Header"]["C2"] = "=DATE(2015,1,1)"


def _error_cell(workbook: Workbook) -> None:
    # openpyxl stores "#N/A" as an error cell, as Excel does for a failed lookup.
    workbook["Header"]["C2"] = "#N/A"


def _protect_sheet(workbook: Workbook) -> None:
    workbook["Header"].protection.password = "children"
    workbook["Header"].protection.sheet = True


def _serial_date(workbook: Workbook) -> None:
    # A date pasted as a plain number: Excel's day count, shown without a date format.
    workbook["Header"]["C2"] = 42005


def _truncated_workbook(folder: Path) -> list[str]:
    _workbook(lambda _: None)(folder)
    data = (folder / "return.xlsx").read_bytes()
    (folder / "return.xlsx").write_bytes(data[: len(data) // 2])
    return ["return.xlsx", *YEAR]


def _blank_workbook(folder: Path) -> list[str]:
    Workbook().save(folder / "return.xlsx")
    return ["return.xlsx", *YEAR]


def _encrypted(folder: Path) -> list[str]:
    # Excel saves a workbook with a password to open as an OLE compound file that wraps the
    # encrypted package. What a reader sees first is the compound file's signature.
    data = bytes.fromhex("d0cf11e0a1b11ae1") + random.Random(8).randbytes(4096)
    _write(folder, {"return.xlsx": data})
    return ["return.xlsx", *YEAR]


XLSX_CASES = [
    Hostile(
        "merged-cells",
        "xlsx",
        _workbook(_merge),
        2,
        _error(
            "return.xlsx (sheet Header), line 2: has merged cells B2:B3 among its rows, so "
            "only the first of them holds a value (expected one value per cell: unmerge them)"
        ),
    ),
    Hostile(
        "hidden-sheet",
        "xlsx",
        _workbook(_hide),
        2,
        # How a table given twice is worded belongs to the recognition work; the reader's
        # part is to name the sheet as hidden.
        _error("return.xlsx (hidden sheet Old header): ")
        + r".*Header.*"
        + re.escape("return.xlsx (sheet Header)")
        + r".*",
    ),
    Hostile(
        "formula-without-value",
        "xlsx",
        _workbook(_formula),
        2,
        _error(
            'return.xlsx (sheet Header), line 2, DOB: "=DATE(2015,1,1)" is a formula with no '
            "saved value (expected the workbook saved by Excel, which stores each formula's "
            "value, or values instead of formulas)"
        ),
    ),
    Hostile(
        "excel-error-cell",
        "xlsx",
        _workbook(_error_cell, "--format", "csv", "--select", "102"),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "#N/A", "return.xlsx (sheet Header)"),
        "stdout",
    ),
    Hostile(
        "excel-serial-number-as-date",
        "xlsx",
        _workbook(_serial_date, "--format", "csv", "--select", "102"),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "42005", "return.xlsx (sheet Header)"),
        "stdout",
    ),
    Hostile(
        "truncated-workbook",
        "xlsx",
        _truncated_workbook,
        2,
        _error(
            "return.xlsx: is not a readable XLSX workbook, so it may be damaged or cut short "
            "(File is not a zip file)"
        ),
    ),
    Hostile(
        "blank-workbook",
        "xlsx",
        _blank_workbook,
        2,
        _error(
            "return.xlsx: has nothing in any of its sheets "
            "(expected a sheet whose first row names the DfE columns)"
        ),
    ),
    Hostile(
        "protected-sheet",
        "xlsx",
        _workbook(_protect_sheet, "--format", "csv", "--select", "102"),
        0,
        r"rule,severity,table,row,line,child,fields,values,message,file,xpath,detail,guidance,related",
        "stdout",
    ),
    Hostile(
        "password-to-open",
        "xlsx",
        _encrypted,
        2,
        _error(
            "return.xlsx: is a password-protected workbook or an old .xls file (expected an "
            "XLSX workbook saved without a password to open, or a CSV export)"
        ),
    ),
]


# --- XML: SSDA903 and the CIN census --------------------------------------------------------

SSDA903_XML = """<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>A1</CHILDID><SEX>F</SEX><DOB>01/01/2015</DOB><ETHNIC>WBRI</ETHNIC>
    </HEADER>
    <EPISODE>
      <DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/>
    </EPISODE>
  </CHILD>
</EXPSSDA903>
"""

CIN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>A1</LAchildID><UPNunknown>UN3</UPNunknown>
        <PersonBirthDate>2019-03-18</PersonBirthDate><Sex>M</Sex>
      </ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2025-07-25</CINreferralDate><ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N5</PrimaryNeedCode><ReferralNFA>true</ReferralNFA>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""

DOCTYPE = '<!DOCTYPE {root} [<!ENTITY x "x">]>\n'
XXE = '<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
LAUGHS = (
    "<!DOCTYPE {root} [\n"
    + '  <!ENTITY lol0 "lol">\n'
    + "".join(f'  <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10))
    + "]>\n"
)


def _xml(name: str, text: str, *args: str) -> Callable[[Path], list[str]]:
    return _files({name: text}, *args)


def _with_prolog(text: str, root: str, declaration: str, use: str | None = None) -> str:
    head, _, body = text.partition("\n")
    body = body.replace(f"<{root}>", f"<{root}>{use or ''}", 1)
    return f"{head}\n{declaration.format(root=root)}{body}"


def _deep(root: str, text: str) -> str:
    head, _, body = text.partition("\n")
    nested = "<a>" * 100_000 + "</a>" * 100_000
    return f"{head}\n" + body.replace(f"<{root}>", f"<{root}>{nested}", 1)


def _huge_text(name: str, text: str, element: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        head, _, tail = text.partition(f"<{element}>")
        with (folder / name).open("wb") as handle:
            handle.write(f"{head}<{element}>".encode())
            handle.write(b"A" * LARGE)
            handle.write(tail.encode())
        return [name, *YEAR]

    return build


def _xml_cases(
    collection: str,
    name: str,
    text: str,
    root: str,
    args: tuple[str, ...],
    empty: tuple[int, str, str],
) -> list:
    doctype = (
        f"{name}, line 2: has a document type declaration (<!DOCTYPE>), which DfE returns never "
        "contain; refused for safety (expected the XML declaration, then the root element, "
        "with no <!DOCTYPE> between)"
    )
    cut = text[: len(text) // 2]
    return [
        Hostile(
            f"{collection}-malformed",
            "xml",
            _xml(
                name,
                text.replace("</CHILDID>" if root != "Message" else "</LAchildID>", "", 1),
                *args,
            ),
            2,
            _error(f"{name}, line ")
            + r"\d+: is not well-formed XML at column \d+: .*\(expected .*\)",
        ),
        Hostile(
            f"{collection}-truncated",
            "xml",
            _xml(name, cut, *args),
            2,
            _error(f"{name}, line ")
            + r"\d+: is not well-formed XML at column \d+: .*"
            + re.escape(
                "the file ends before the root element is closed, so it may have been cut "
                "short (expected the whole file, ending with the root element's closing tag)"
            ),
        ),
        Hostile(
            f"{collection}-deeply-nested",
            "xml",
            _xml(name, _deep(root, text), *args),
            2,
            _error(f"{name}, line 2: is not well-formed XML at column ")
            + r"\d+: .*"
            + re.escape(
                "elements are nested too deeply (expected at most 256 levels of nested elements)"
            ),
        ),
        Hostile(
            f"{collection}-fifty-megabyte-value",
            "xml",
            _huge_text(name, text, "SEX" if root != "Message" else "Sex"),
            2,
            _error(f"{name}, line ") + r"\d+: is not well-formed XML at column \d+: .*",
        ),
        Hostile(
            f"{collection}-doctype",
            "xml",
            _xml(name, _with_prolog(text, root, DOCTYPE), *args),
            2,
            _error(doctype),
        ),
        Hostile(
            f"{collection}-external-entity",
            "xml",
            _xml(name, _with_prolog(text, root, XXE, "&xxe;"), *args),
            2,
            _error(doctype),
        ),
        Hostile(
            f"{collection}-billion-laughs",
            "xml",
            _xml(name, _with_prolog(text, root, LAUGHS, "&lol9;"), *args),
            2,
            _error(doctype),
        ),
        Hostile(
            f"{collection}-wrong-namespace",
            "xml",
            _xml(
                name,
                text.replace(f"<{root}>", f'<{root} xmlns="http://example.org/wrong">', 1),
                *args,
            ),
            2,
            _error(
                f"{name}, line 2: has the root element <{root}> in the XML namespace "
                '"http://example.org/wrong", which DfE\'s returns do not use '
                f"(expected <{root}> with no xmlns attribute)"
            ),
        ),
        Hostile(
            f"{collection}-not-xml",
            "xml",
            _xml(name, _header(CLEAN_HEADER_ROW), *args),
            2,
            _error(
                f"{name}: is named .xml but is not XML: it does not start with an element "
                "(expected a DfE XML return, or rename a CSV export to .csv)"
            ),
        ),
        Hostile(
            f"{collection}-empty-root",
            "xml",
            _xml(name, f'<?xml version="1.0"?>\n<{root}/>\n', *args),
            *empty,
        ),
    ]


XML_CASES = [
    *_xml_cases(
        "ssda903",
        "return.xml",
        SSDA903_XML,
        "EXPSSDA903",
        YEAR,
        (2, _error("return.xml") + r".*", "stderr"),
    ),
    # A census with nothing in it still has a Header, blank, for the header rules to flag.
    *_xml_cases(
        "cin",
        "census.xml",
        CIN_XML,
        "Message",
        (*YEAR, "--format", "csv"),
        (1, r"\d+,error,Header,0,2,,.*,census\.xml,/Message,.*", "stdout"),
    ),
    Hostile(
        "wrong-collection-root",
        "xml",
        _xml("return.xml", '<?xml version="1.0"?>\n<SchoolCensus><Pupil/></SchoolCensus>\n'),
        2,
        _error("return.xml, line 2: has the root element <SchoolCensus>, which is not a return")
        + r".*",
    ),
    Hostile(
        "cin-census-given-as-ssda903",
        "xml",
        _xml("census.xml", CIN_XML, "--collection", "ssda903", *YEAR),
        2,
        _error("census.xml: is ") + r".*not .*--collection.*",
    ),
    Hostile(
        "ssda903-xml-date-not-a-date",
        "values",
        _xml(
            "return.xml",
            SSDA903_XML.replace("<DOB>01/01/2015</DOB>", "<DOB>2015-01-01</DOB>"),
            *YEAR,
            "--format",
            "csv",
            "--select",
            "102",
        ),
        1,
        r"102,error,Header,0,4,A1,DOB,DOB=2015-01-01,.*,return\.xml,/EXPSSDA903/CHILD\[1\]/HEADER.*",
        "stdout",
    ),
    Hostile(
        "cin-utf16",
        "xml",
        _files(
            {
                "census.xml": CIN_XML.replace('encoding="UTF-8"', 'encoding="UTF-16"')
                .replace("2019-03-18", "18-03-2019")
                .encode("utf-16")
            },
            *YEAR,
            "--format",
            "csv",
        ),
        1,
        r".*,ChildIdentifiers,0,\d+,A1,PersonBirthDate,PersonBirthDate=18-03-2019,.*,census\.xml,"
        r"/Message/Children/Child\[1\].*",
        "stdout",
    ),
    Hostile(
        "cin-dates-not-iso",
        "values",
        _xml(
            "census.xml",
            CIN_XML.replace("2019-03-18", "18-03-2019"),
            *YEAR,
            "--format",
            "csv",
        ),
        1,
        r".*,ChildIdentifiers,0,\d+,A1,PersonBirthDate,PersonBirthDate=18-03-2019,.*,census\.xml,"
        r"/Message/Children/Child\[1\].*",
        "stdout",
    ),
]

CASES: list[Hostile] = CSV_CASES + VALUE_CASES + XLSX_CASES + XML_CASES


def main(target: str) -> None:
    root = Path(target)
    for case in CASES:
        folder = root / case.name
        folder.mkdir(parents=True, exist_ok=True)
        arguments = case.build(folder)
        print(f"{case.name}: csc-validate check {' '.join(arguments)}  -> exit {case.exit_code}")


if __name__ == "__main__":
    main(sys.argv[1])
