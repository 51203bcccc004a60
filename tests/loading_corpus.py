"""Returns that reading and loading once got silently wrong, generated here by class.

Issue 14 §1, 2, 3, 8, 9, 10 and issue 15 §3: an unusual date, a workbook's recorded size,
SSDA903 XML shapes, two CIN Headers, messages that blamed the wrong thing, empty tables taken
for a return given twice, and CIN dates with a time zone. Each case names the `csc-validate
check` arguments, the exit code and the one line the run must give, as in `hostile_corpus.py`.

`python tests/loading_corpus.py FOLDER` writes the cases out, one folder per case, to try by hand.
"""

import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from tests.hostile_corpus import (
    CIN_XML,
    CLEAN_EPISODE_ROW,
    CLEAN_HEADER_ROW,
    EPISODE_COLUMNS,
    HEADER_COLUMNS,
    YEAR,
    Hostile,
    _episodes,
    _error,
    _files,
    _finding,
    _header,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CSV = ("--format", "csv")


def _note(text: str) -> str:
    """A note line of the terminal report (rich may wrap it: the start is enough)."""
    return "note: " + re.escape(text) + ".*"


# --- 1. One unusual date -------------------------------------------------------------------

# Dates the SSDA903 format (dd/mm/yyyy) cannot read: Excel's short date, .NET's empty date,
# SQL Server's, no leading zeros, ISO, text.
ODD_DATES = ["09/04/25", "01/01/0001", "01/01/1753", "9/4/2025", "2025-04-09", "9 Apr 2025"]


def _odd_decom(value: str, *args: str) -> Callable[[Path], list[str]]:
    # One episode with the odd start among clean ones, so that the year can still be told.
    episodes = _episodes(f"1,{value},S,C2,N1,U1,PR1,,,,,,", "2" + CLEAN_EPISODE_ROW[1:])
    header = _header(CLEAN_HEADER_ROW, "2,F,01/01/2015,WBRI,,,")
    return _files({"header.csv": header, "episodes.csv": episodes}, "--partial", *CSV, *args)


DATE_CASES = [
    *(
        Hostile(
            f"odd-decom-{index}{'-with-year' if args else ''}",
            "dates",
            _odd_decom(value, *args),
            1,
            _finding("141", "Episodes", 0, 2, "1", "DECOM", value, "episodes.csv"),
            stream="stdout",
        )
        for index, value in enumerate(ODD_DATES)
        for args in ((), ("--year", "2025-26"))
    ),
    Hostile(
        "odd-dob",
        "dates",
        _files(
            {
                "header.csv": _header("1,F,01/01/0001,WBRI,,,"),
                "episodes.csv": _episodes(CLEAN_EPISODE_ROW),
            },
            "--partial",
            *CSV,
        ),
        1,
        _finding("102", "Header", 0, 2, "1", "DOB", "01/01/0001", "header.csv"),
        stream="stdout",
    ),
    # A whole column in another spelling stays one line, exit 2, naming file, column, spelling.
    Hostile(
        "short-dates-column",
        "dates",
        _files(
            {
                "header.csv": _header(CLEAN_HEADER_ROW),
                "episodes.csv": _episodes(
                    "1,09/04/25,S,C2,N1,U1,PR1,,,,,,", "1,01/06/25,P,C2,N1,U1,PR1,,,,,,"
                ),
            },
            "--partial",
        ),
        2,
        r"error: cannot tell the collection year from the data: .*episodes\.csv, line 2, DECOM: "
        r'"09/04/25": 2 of the 2 dates in this column are written dd/mm/yy.*',
    ),
]


# --- 2. Workbooks read short ---------------------------------------------------------------


def _short_workbook(rows: int, recorded: str | None) -> Callable[[Path], list[str]]:
    """Episodes in a workbook whose sheet records the size `recorded` (None: no size at all)."""

    def build(folder: Path) -> list[str]:
        workbook = Workbook()
        header = workbook.active
        header.title = "Header"
        header.append(HEADER_COLUMNS.split(","))
        episodes = workbook.create_sheet("Episodes")
        episodes.append(EPISODE_COLUMNS.split(","))
        for child in range(1, rows + 1):
            header.append([str(child), "F", "01/01/2015", "WBRI"])
            episodes.append([str(child), *CLEAN_EPISODE_ROW.split(",")[1:]])
        buffer = io.BytesIO()
        workbook.save(buffer)
        source = zipfile.ZipFile(buffer)
        with zipfile.ZipFile(folder / "return.xlsx", "w") as target:
            for name in source.namelist():
                part = source.read(name)
                if name.startswith("xl/worksheets/"):
                    size = b"" if recorded is None else f'<dimension ref="{recorded}"/>'.encode()
                    part = re.sub(rb"<dimension [^>]*/>", size, part)
                target.writestr(name, part)
        return ["return.xlsx", *YEAR]

    return build


XLSX_CASES = [
    Hostile(
        f"xlsx-size-{recorded}-{rows}-rows",
        "xlsx",
        _short_workbook(rows, recorded),
        1,
        _note(
            f"return.xlsx (sheet Episodes): the workbook records the sheet's size as {recorded}, "
            f"but it holds {rows + 1 - int(recorded.rpartition(':')[2][1:])} more rows"
        ),
        stream="stdout",
    )
    for recorded, rows in (("A1:M1", 3), ("A1:M10", 40), ("A1:B2", 12), ("A1:M5", 5))
] + [
    Hostile(
        "xlsx-no-size",
        "xlsx",
        _short_workbook(30, None),
        1,
        r"Rows read: Episodes 30, Header 30\.",
        stream="stdout",
    )
]


# --- 3. SSDA903 XML content ----------------------------------------------------------------

HEADER_XML = (
    "<HEADER><CHILDID>{child}</CHILDID><UPN>UN1</UPN><SEX>F</SEX><DOB>01/01/2015</DOB>"
    "<ETHNIC>WBRI</ETHNIC><UASC>0</UASC></HEADER>"
)
EPISODE_XML = (
    "<EPISODE><DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>"
    "<PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/></EPISODE>"
)


def _ssda903_xml(child: str, root_extra: str = "", attributes: str = "") -> str:
    """A return of one child (line 3) whose CHILD element is `child`."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903{attributes}>{root_extra}\n'
        f"{child}\n</EXPSSDA903>\n"
    )


def _child(*parts: str, tag: str = "CHILD") -> str:
    return f"<{tag}>{''.join(parts)}</{tag}>"


HEADER_1 = HEADER_XML.format(child="1")
XML_RETURN = ("return.xml", *YEAR)
XML_CASES = [
    Hostile(
        f"xml-wrapped-{wrapper}",
        "xml",
        _files({"return.xml": _ssda903_xml(_child(HEADER_1, body))}, *YEAR),
        2,
        _error(
            f"return.xml, line 3: element <{wrapper}> inside <CHILD> wraps {count} <EPISODE> "
            f"element{'s' if count > 1 else ''}, which DfE's SSDA903 XML does not wrap, so they "
            "cannot be read (expected each <EPISODE> directly inside <CHILD>)"
        ),
    )
    for wrapper, count, body in (
        ("EPISODES", 1, f"<EPISODES>{EPISODE_XML}</EPISODES>"),
        ("EPISODES", 2, f"<EPISODES>{EPISODE_XML}{EPISODE_XML}</EPISODES>"),
        ("CARE", 1, f"<CARE><PERIOD>{EPISODE_XML}</PERIOD></CARE>"),
    )
] + [
    Hostile(
        "xml-children-wrapped",
        "xml",
        _files(
            {"return.xml": _ssda903_xml(f"<CHILDREN>{_child(HEADER_1, EPISODE_XML)}</CHILDREN>")},
            *YEAR,
        ),
        2,
        _error(
            "return.xml, line 3: element <CHILDREN> inside <EXPSSDA903> wraps 1 <CHILD> element, "
            "which DfE's SSDA903 XML does not wrap, so they cannot be read (expected each "
            "<CHILD> directly inside <EXPSSDA903>)"
        ),
    ),
    *(
        Hostile(
            f"xml-namespaced-child-{prefix}",
            "xml",
            _files(
                {
                    "return.xml": _ssda903_xml(
                        _child(HEADER_1, EPISODE_XML, tag=f"{prefix}:CHILD"),
                        attributes=f' xmlns:{prefix}="urn:council:{prefix}"',
                    )
                },
                *YEAR,
            ),
            1,
            _note(
                f'return.xml, line 3: the file declares the XML namespace "urn:council:{prefix}" '
                "(on <CHILD>)"
            ),
            stream="stdout",
        )
        for prefix in ("la", "x")
    ),
    Hostile(
        "xml-two-headers",
        "xml",
        _files(
            {
                "return.xml": _ssda903_xml(
                    _child(HEADER_1, HEADER_XML.format(child="2"), EPISODE_XML)
                )
            },
            *YEAR,
        ),
        1,
        _note("return.xml, line 3: element <HEADER> appears more than once inside <CHILD>; only"),
        stream="stdout",
    ),
    Hostile(
        "xml-unknown-item",
        "xml",
        _files(
            {
                "return.xml": _ssda903_xml(
                    _child(
                        HEADER_1.replace("</HEADER>", "<NICKNAME>Sam</NICKNAME></HEADER>"),
                        EPISODE_XML,
                    )
                )
            },
            *YEAR,
        ),
        1,
        _note("return.xml, line 3: element <NICKNAME> inside <HEADER> is not part of the"),
        stream="stdout",
    ),
    Hostile(
        "xml-item-twice",
        "xml",
        _files(
            {
                "return.xml": _ssda903_xml(
                    _child(
                        HEADER_1, EPISODE_XML.replace("<RNE>S</RNE>", "<RNE>S</RNE><RNE>P</RNE>")
                    )
                )
            },
            *YEAR,
        ),
        1,
        _note("return.xml, line 3: element <RNE> appears more than once inside <EPISODE>; only"),
        stream="stdout",
    ),
    Hostile(
        "xml-stray-at-root",
        "xml",
        _files(
            {
                "return.xml": _ssda903_xml(
                    _child(HEADER_1, EPISODE_XML), root_extra="<NOTE>x</NOTE>"
                )
            },
            *YEAR,
        ),
        1,
        _note("return.xml, line 2: element <NOTE> inside <EXPSSDA903> is not part of the"),
        stream="stdout",
    ),
]


# --- 8. Two CIN Headers --------------------------------------------------------------------

LAST_HEADER = (
    "  <Header>\n    <CollectionDetails><Collection>CIN</Collection><Year>2025</Year>\n"
    "      <ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>\n  </Header>\n"
)


def _two_headers(before: bool) -> str:
    """The census with last year's Header before (or after) this year's."""
    at = CIN_XML.index("  <Header>") if before else CIN_XML.index("  <Children>")
    return CIN_XML[:at] + LAST_HEADER + CIN_XML[at:]


CIN_HEADER_CSV = "Collection,Year,ReferenceDate\nCIN,2025,2025-03-31\nCIN,2026,2026-03-31\n"
HEADERS_CASES = [
    Hostile(
        "cin-two-headers-last-year-first",
        "cin-headers",
        _files({"cin.xml": _two_headers(True)}),
        2,
        _error(
            "cin.xml, line 7: has 2 census Headers, at line 3 (2024-25) and line 7 (2025-26), "
            "where a census has one (last year's left in?) (expected the Header of this census "
            "only, or say which year is meant with --year)"
        ),
    ),
    Hostile(
        "cin-two-headers-last-year-after",
        "cin-headers",
        _files({"cin.xml": _two_headers(False)}),
        2,
        _error(
            "cin.xml, line 7: has 2 census Headers, at line 3 (2025-26) and line 7 (2024-25), "
            "where a census has one (last year's left in?) (expected the Header of this census "
            "only, or say which year is meant with --year)"
        ),
    ),
    Hostile(
        "cin-two-headers-year-given",
        "cin-headers",
        _files({"cin.xml": _two_headers(True)}, "--year", "2025-26"),
        1,
        _note("cin.xml, line 7: the Header of 2025-26 is read, as --year says; the other"),
        stream="stdout",
    ),
    Hostile(
        "cin-two-headers-year-of-neither",
        "cin-headers",
        _files({"cin.xml": _two_headers(True)}, "--year", "2023-24"),
        2,
        _error(
            "cin.xml, line 7: has 2 census Headers, at line 3 (2024-25) and line 7 (2025-26), "
            "where a census has one (last year's left in?) (expected the Header of this census "
            "only, or one Header of 2023-24, as --year says)"
        ),
    ),
    Hostile(
        "cin-two-header-rows-csv",
        "cin-headers",
        _files({"header.csv": CIN_HEADER_CSV}, "--collection", "cin", "--partial"),
        2,
        _error(
            "header.csv, line 3: has 2 census Headers, at line 2 (2024-25) and line 3 (2025-26), "
            "where a census has one (last year's left in?) (expected the Header of this census "
            "only, or say which year is meant with --year)"
        ),
    ),
]


# --- 9. Messages that blamed the wrong thing ------------------------------------------------

NO_YEAR = (
    re.escape(
        "error: cannot tell the collection year from the data: it is read from the start and "
        "end dates (DECOM, DEC) of the Episodes table, and the files read hold these tables ("
    )
    + "{read}"
    + re.escape("); or give the year with --year (supported: ")
    + ".*"
)
HEADER_ONLY = _header(CLEAN_HEADER_ROW, "2,M,01/01/2016,WBRI,,,")
DISPLAY_NAMES = (
    "Child ID,Date episode commenced,Reason for new episode,Legal status,Category of need,"
    "Placement type,Placement provider,Date episode ceased,Reason episode ceased,"
    "Reason for placement change,Home postcode,Placement postcode,URN"
)
MESSAGE_CASES = [
    *(
        Hostile(
            f"no-episodes-{how}",
            "messages",
            _files({"header.csv": data}),
            2,
            NO_YEAR.format(read=re.escape("header.csv: Header")),
        )
        for how, data in (
            ("comma", HEADER_ONLY),
            ("utf-16", HEADER_ONLY.encode("utf-16")),
            ("semicolons", HEADER_ONLY.replace(",", ";")),
            ("tabs-utf-16", HEADER_ONLY.replace(",", "\t").encode("utf-16")),
        )
    ),
    Hostile(
        "no-episodes-two-files",
        "messages",
        _files({"header.csv": HEADER_ONLY, "notes.csv": "a,b\n1,2\n"}),
        2,
        NO_YEAR.format(read=re.escape("header.csv: Header; notes.csv: no table")),
    ),
    *(
        Hostile(
            f"title-in-other-separator-{index}",
            "messages",
            _files({"episodes.csv": f"{title}\n" + _episodes(CLEAN_EPISODE_ROW)}, "--partial"),
            0,
            _note("episodes.csv: line 1 above the header (line 2) was not read as data"),
            stream="stdout",
        )
        for index, title in enumerate(
            ["Extract run;Leeds;2026", "Looked after children\tall episodes", "Run|at|09:00"]
        )
    ),
    *(
        Hostile(
            f"display-names-above-header-{how}",
            "messages",
            _files({"episodes.csv": f"{names}\n" + _episodes(CLEAN_EPISODE_ROW)}, "--partial"),
            0,
            _note(f"episodes.csv: line 1 ({shown}, ...) names no DfE column set; line 2, which"),
            stream="stdout",
        )
        for how, names, shown in (
            ("plain", DISPLAY_NAMES, "CHILDID, DATEEPISODECOMMENCED, REASONFORNEWEPISODE"),
            ("upper", DISPLAY_NAMES.upper(), "CHILDID, DATEEPISODECOMMENCED, REASONFORNEWEPISODE"),
        )
    ),
]


# --- 10. Empty tables are not "the same return" --------------------------------------------


def _two_years(shared: dict[str, str], last_only: dict[str, str]) -> Callable[[Path], list[str]]:
    """This year's return and last year's, sharing the files in `shared` byte for byte."""

    def build(folder: Path) -> list[str]:
        for year, files in (("2025-26", {}), ("2024-25", last_only)):
            (folder / year).mkdir()
            for source in sorted((EXAMPLES / "ssda903" / year).iterdir()):
                (folder / year / source.name).write_bytes(source.read_bytes())
            for name, text in {**shared, **files}.items():
                (folder / year / name).write_text(text)
        return ["2025-26", "--previous", "2024-25", "--quiet"]

    return build


AD1_EMPTY = (EXAMPLES / "ssda903" / "2025-26" / "ad1.csv").read_text()
SAMENESS_CASES = [
    Hostile(
        "same-empty-ad1-both-years",
        "sameness",
        _two_years({"ad1.csv": AD1_EMPTY}, {}),
        1,
        r".*errors, .* queries for .* children; .*",
        stream="stdout",
    ),
    Hostile(
        "same-empty-ad1-and-placed-both-years",
        "sameness",
        _two_years(
            {"ad1.csv": AD1_EMPTY, "oc3.csv": "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"},
            {},
        ),
        1,
        r".*errors, .* queries for .* children; .*",
        stream="stdout",
    ),
]


def _same_return(folder: Path) -> list[str]:
    for year in ("2025-26", "copy"):
        (folder / year).mkdir()
        for source in sorted((EXAMPLES / "ssda903" / "2025-26").iterdir()):
            (folder / year / source.name).write_bytes(source.read_bytes())
    return ["2025-26", "--previous", "copy"]


SAMENESS_CASES.append(
    Hostile(
        "whole-return-given-twice",
        "sameness",
        _same_return,
        2,
        r"error: copy/episodes\.csv: and the rest of last year's return are this year's return "
        r"again: every file that holds rows is identical to one of this year's \(.*",
    )
)


# --- 15 §3. CIN dates with a time zone ------------------------------------------------------

# Dates with a zone xs:date does not allow, or a time: unreadable (those it allows are read as
# the date, which tests/test_loading_corpus.py shows by comparing findings).
ZONE_CASES = [
    Hostile(
        f"cin-date-bad-zone-{index}",
        "zones",
        _files({"cin.xml": CIN_XML.replace("2025-07-25", value)}, "--year", "2025-26", *CSV),
        1,
        r"CSC001,error,CINdetails,0,13,A1,CINreferralDate,"
        rf'"?CINreferralDate={re.escape(value)}"?,.*',
        stream="stdout",
    )
    for index, value in enumerate(
        ["2025-07-25+15:00", "2025-07-25T10:00:00", "2025-07-25 Z", "2025-07-25+0100"]
    )
]
ZONED_DATES = ["2025-07-25Z", "2025-07-25+01:00", "2025-07-25-05:30", "2025-07-25+14:00"]

CASES: list[Hostile] = (
    DATE_CASES
    + XLSX_CASES
    + XML_CASES
    + HEADERS_CASES
    + MESSAGE_CASES
    + SAMENESS_CASES
    + ZONE_CASES
)


def main(target: str) -> None:
    root = Path(target)
    for case in CASES:
        folder = root / case.name
        folder.mkdir(parents=True, exist_ok=True)
        arguments = case.build(folder)
        print(f"{case.name}: csc-validate check {' '.join(arguments)}  -> exit {case.exit_code}")


if __name__ == "__main__":
    main(sys.argv[1])
