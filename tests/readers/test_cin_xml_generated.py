"""The CIN census reader on a generated census with mistakes and every oddity it notes."""

import hashlib
import json
from pathlib import Path

from lxml import etree

from csc_validate.collections.cin import synthetic, xml_reader
from csc_validate.collections.cin.xml_mapping import (
    ASSESSMENT_ID,
    ASSESSMENT_ITEMS,
    CHILD_KEY,
    CIN_ID,
    CIN_ITEMS,
    COLLECTION_DETAILS,
    COLUMNS,
    DISABILITY,
    ETHNICITY,
    FACTOR,
    IDENTIFIERS,
    PLAN_ID,
    PLAN_ITEMS,
    PLAN_OF_PROTECTION_ITEMS,
    PRE_PROCEEDINGS_ITEMS,
    REVIEW_DATE,
    SECTION47_ITEMS,
    SOURCE,
)

# Taken from the reader that went through the parser's events one by one, before the reader
# was made to walk each finished Child instead. If the census generator changes, the census
# does too: check the new census's notes and rows by hand before taking a new digest. Since
# every Header became a row (two stop the check unless --year picks one), the second Header is
# a blank row at line 1936, /Message/Header[2]: nothing else changed.
DIGEST = "7a0fd08d0d9654bab520635b427bac9cbd2830be0901fff7e3a5668b117352e6"
NAMESPACE_READ = "DfE's CIN census XML has none; elements are read by their local names"
NOTES = [
    "cin.xml, line 18: element <Note> inside <Message> is not part of the CIN census; ignored",
    'cin.xml, line 54: the file declares the XML namespace "urn:example:one" (on'
    f" <ChildIdentifiers>), where {NAMESPACE_READ}",
    'cin.xml, line 100: the file declares the XML namespace "urn:example:two" (on'
    f" <CINreferralDate>), where {NAMESPACE_READ}",
    "cin.xml, line 120: element <Foo> inside <CINdetails> is not part of the CIN census; ignored",
    "cin.xml, line 130: element <b> inside <Ethnicity> is not part of the CIN census; ignored",
    "cin.xml, line 142: element <Sex> appears more than once inside <ChildIdentifiers>;"
    " only the first is read; again at line 145",
    "cin.xml, line 199: element <ChildCharacteristics> appears more than once inside <Child>;"
    " only the first is read",
    "cin.xml, line 247: element <Reviews> inside <CINdetails> is not part of the CIN census;"
    " ignored",
    "cin.xml, line 248: element <child> inside <Children> is not part of the CIN census; ignored",
    "cin.xml, line 1936: element <Children> appears more than once inside <Message>; all are read",
]


def test_each_row_is_its_keys_then_its_items() -> None:
    # The reader lays a row out this way, cell after cell, without naming the columns.
    episode = (CHILD_KEY, CIN_ID)
    laid_out = {
        "Header": (*COLLECTION_DETAILS, *SOURCE),
        "ChildIdentifiers": IDENTIFIERS,
        "ChildCharacteristics": (CHILD_KEY, ETHNICITY),
        "Disabilities": (CHILD_KEY, DISABILITY),
        "CINdetails": (*episode, *CIN_ITEMS),
        "Assessments": (*episode, ASSESSMENT_ID, *ASSESSMENT_ITEMS),
        "AssessmentFactorsList": (*episode, ASSESSMENT_ID, FACTOR),
        "CINplanDates": (*episode, *PLAN_ITEMS),
        "Section47": (*episode, *SECTION47_ITEMS),
        "ChildProtectionPlans": (*episode, PLAN_ID, *PLAN_OF_PROTECTION_ITEMS),
        "Reviews": (*episode, PLAN_ID, REVIEW_DATE),
        "PreProceedings": (*episode, *PRE_PROCEEDINGS_ITEMS),
    }
    assert laid_out == COLUMNS


def test_a_generated_census_with_oddities_reads_as_pinned(tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    synthetic.write(synthetic.generate(60, 7, "2025-26", 0.3), path)
    root = etree.parse(str(path)).getroot()
    _add_oddities(root)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    sheets, notes = xml_reader.read(path, "cin.xml")
    assert notes == NOTES
    tables = [[sheet.table, sheet.columns, sheet.lines, sheet.xpaths] for sheet in sheets]
    assert hashlib.sha256(json.dumps(tables).encode()).hexdigest() == DIGEST


def _add_oddities(root: etree._Element) -> None:
    """Namespaces, unknown, repeated, blank and misplaced elements, spread over the file."""
    children = root.find("Children")
    assert children is not None
    child = list(children)
    # A namespace on a block, and a second one on an item deeper in.
    child[1][0].tag = "{urn:example:one}ChildIdentifiers"
    details = child[2].find("CINdetails")
    assert details is not None
    details[0].tag = "{urn:example:two}" + details[0].tag
    # An unknown element inside a record, and one inside a value.
    etree.SubElement(details, "Foo").text = "1"
    etree.SubElement(child[3].find("ChildCharacteristics/Ethnicity"), "b").text = "x"
    # A repeated item whose first copy is blank, and a repeated single block.
    identifiers = child[4].find("ChildIdentifiers")
    assert identifiers is not None
    identifiers.insert(0, etree.Element("Sex"))
    identifiers.insert(1, etree.Element("Sex"))
    identifiers[1].text = "F"
    child[5].append(
        etree.fromstring("<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>")
    )
    # A Child without identifiers or characteristics, and one with two episodes' worth.
    for block in ("ChildIdentifiers", "ChildCharacteristics"):
        found = child[6].find(block)
        if found is not None:
            child[6].remove(found)
    child[7].append(
        etree.fromstring(
            "<CINdetails><Reviews/><ChildProtectionPlans><Reviews/>"
            "</ChildProtectionPlans></CINdetails>"
        )
    )
    # Strays inside Children and the root, a second Header and a second Children.
    children.insert(8, etree.Element("child"))
    root.insert(1, etree.Element("Note"))
    root.append(etree.Element("Header"))
    second = etree.SubElement(root, "Children")
    second.append(child[9])
