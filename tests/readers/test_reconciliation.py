"""Rows in = rows read + rows named: every record of a file becomes data or is named, with its
line, in a note, for CSV, XLSX and both XML forms (issue 14 §2 and §3)."""

import io
import random
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import Workbook

from csc_validate.collections.cin import synthetic as cin_synthetic
from csc_validate.collections.cin import xml_reader as cin_reader
from csc_validate.collections.ssda903 import xml_reader as ssda903_reader
from csc_validate.readers import delimited, xlsx
from csc_validate.readers.sheets import Sheet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTED_LINE = re.compile(r", line (\d+): ")
AGAIN = re.compile(r"; again at lines? ([\d, ]+)(?: and \d+ more)?$")
SEEDS = range(4)


def _noted_lines(notes: list[str]) -> set[int]:
    lines = {int(found) for note in notes for found in NOTED_LINE.findall(note)}
    for note in notes:
        again = AGAIN.search(note)
        assert again is None or not again.group(0).endswith("more"), "name each line"
        lines |= {int(found) for found in again.group(1).split(", ")} if again else set()
    return lines


def _reconcile(
    records: dict[str, list[etree._Element]], sheets: list[Sheet], notes: list[str]
) -> None:
    """Each record element is a row of its table (by line) or lies in an element a note names;
    and each row read is one of the file's records."""
    lines = {sheet.table: sheet.lines for sheet in sheets}
    noted = _noted_lines(notes)
    for table, elements in records.items():
        read = [e for e in elements if e.sourceline in set(lines[table])]
        named = [
            e
            for e in elements
            if e not in read and any(a.sourceline in noted for a in (e, *e.iterancestors()))
        ]
        assert len(read) + len(named) == len(elements), (table, len(elements), len(read), notes)
        assert len(lines[table]) == len(read), (table, lines[table])


# --- SSDA903 XML -----------------------------------------------------------------------------


def _ssda903_return(rng: random.Random) -> str:
    """A return whose children hold records in every shape the reader meets, one per line."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<EXPSSDA903 xmlns:la="urn:la">']
    for child in range(1, 30):
        tag = "la:CHILD" if rng.random() < 0.2 else "CHILD"
        out.append(f"<{tag}>")
        for header in range(2 if rng.random() < 0.15 else 1):
            out += ["<HEADER>", f"<CHILDID>{child}{header}</CHILDID>", "<SEX>F</SEX>"]
            if rng.random() < 0.2:
                out.append("<NICKNAME>Sam</NICKNAME>")
            for _ in range(rng.randrange(3)):
                out += ["<AREVIEW>", "<REVIEW>01/06/2025</REVIEW>", "</AREVIEW>"]
            for _ in range(rng.randrange(2)):
                out += ["<AMISSING>", "<MISSING>M</MISSING>", "</AMISSING>"]
            out.append("</HEADER>")
        for _ in range(rng.randrange(4)):
            out += ["<EPISODE>", "<DECOM>01/05/2025</DECOM>"]
            if rng.random() < 0.2:
                out += ["<RNE>S</RNE>", "<RNE>P</RNE>"]
            out.append("</EPISODE>")
        for _ in range(rng.randrange(2)):
            out += ["<SW_EPISODE>", "<SW_ID>A</SW_ID>", "</SW_EPISODE>"]
        out.append(f"</{tag}>")
        if rng.random() < 0.1:
            out += ["<NOTE>", "<TEXT>x</TEXT>", "</NOTE>"]
    out.append("</EXPSSDA903>")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", SEEDS)
def test_ssda903_xml_records_are_read_or_named(seed: int, tmp_path: Path) -> None:
    path = tmp_path / "return.xml"
    path.write_text(_ssda903_return(random.Random(seed)))
    sheets, notes = ssda903_reader.read(path, "return.xml")
    tree = etree.parse(str(path))
    records = {
        table: [e for e in tree.iter() if etree.QName(e).localname == tag]
        for tag, table in (
            ("HEADER", "Header"),
            ("EPISODE", "Episodes"),
            ("AREVIEW", "Reviews"),
            ("AMISSING", "Missing"),
            ("SW_EPISODE", "SWEpisodes"),
        )
    }
    _reconcile(records, sheets, notes)


# --- CIN XML ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_cin_xml_records_are_read_or_named(seed: int, tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    cin_synthetic.write(cin_synthetic.generate(25, seed, "2025-26", 0.3), path)
    root = etree.parse(str(path)).getroot()
    rng = random.Random(seed)
    details = [e for e in root.iter("CINdetails")]
    # Records moved where the census does not have them, and a wrapper around some.
    for moved in rng.sample(details, 3):
        wrapper = etree.SubElement(moved, "Extra")
        for record in list(moved.iterchildren("Assessments", "Section47"))[:1]:
            wrapper.append(record)
    children = root.find("Children")
    assert children is not None
    children.insert(2, etree.fromstring("<Kid><CINdetails><Section47/></CINdetails></Kid>"))
    etree.indent(root)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    sheets, notes = cin_reader.read(path, "cin.xml")
    tree = etree.parse(str(path))
    records = {
        table: list(tree.iter(tag))
        for tag, table in (
            ("CINdetails", "CINdetails"),
            ("Assessments", "Assessments"),
            ("Section47", "Section47"),
            ("ChildProtectionPlans", "ChildProtectionPlans"),
            ("CINPlanDates", "CINplanDates"),
        )
    }
    _reconcile(records, sheets, notes)


# --- CSV and XLSX ----------------------------------------------------------------------------


def _rows(rng: random.Random) -> tuple[list[list[str]], int]:
    """A title, the header and rows with blank ones among them; how many rows hold values."""
    rows = [["Looked after children"], ["CHILD", "DECOM", "RNE"]]
    filled = 0
    for child in range(rng.randrange(5, 40)):
        if rng.random() < 0.2:
            rows.append(["", "", ""])
        else:
            rows.append([str(child), "01/05/2025", rng.choice(["S", "", "P"])])
            filled += 1
    return rows, filled


@pytest.mark.parametrize("seed", SEEDS)
def test_csv_rows_are_read_or_named(seed: int) -> None:
    rows, filled = _rows(random.Random(seed))
    text = "\n".join(",".join(row) for row in rows) + "\n"
    sheet = delimited.read(text.encode(), "episodes.csv")
    assert sheet.height == filled
    assert sheet.notes[0] == "episodes.csv: line 1 above the header (line 2) was not read as data"
    assert _blank_named(sheet.notes[1:], "line") == _blank_inside(rows)
    values = [line for line in text.splitlines()[2:] if line.strip(",")]
    assert [text.splitlines()[line - 1] for line in sheet.lines] == values


@pytest.mark.parametrize("seed", SEEDS)
def test_xlsx_rows_are_read_or_named_whatever_the_recorded_size(seed: int) -> None:
    rng = random.Random(seed)
    rows, filled = _rows(rng)
    workbook = Workbook()
    for row in rows:
        workbook.active.append([value or None for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    recorded = f"A1:C{rng.randrange(1, 5)}"
    source = zipfile.ZipFile(buffer)
    short = io.BytesIO()
    with zipfile.ZipFile(short, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name.startswith("xl/worksheets/"):
                part = re.sub(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{recorded}"'.encode(), part
                )
            target.writestr(name, part)
    (sheet,) = xlsx.read(short.getvalue(), "return.xlsx")
    assert sheet.height == filled
    assert sheet.notes[0].startswith("return.xlsx (sheet Sheet): row 1 above the header")
    assert sheet.notes[-1].startswith(
        f"return.xlsx (sheet Sheet): the workbook records the sheet's size as {recorded}"
    )
    assert _blank_named(sheet.notes[1:-1], "row") == _blank_inside(rows)


def _blank_inside(rows: list[list[str]]) -> set[int]:
    """The 1-based numbers of blank rows below the header and above the last filled row."""
    filled = [number for number, row in enumerate(rows, start=1) if any(row)]
    return {n for n, row in enumerate(rows, start=1) if not any(row) and 2 < n < filled[-1]}


def _blank_named(notes: list[str], word: str) -> set[int]:
    """The rows (or lines) the notes name as blank and skipped: "rows 4, 9-12 are blank"."""
    named: set[int] = set()
    for note in notes:
        found = re.search(
            rf": {word}s? ([\d, -]+) (?:is|are) blank and (?:was|were) skipped$", note
        )
        assert found, note
        for span in found.group(1).split(", "):
            first, _, last = span.partition("-")
            named |= set(range(int(first), int(last or first) + 1))
    return named
