"""Reading the CIN census XML, streamed, and refusing unsafe or malformed XML."""

from pathlib import Path

import pytest

from csc_validate.collections.cin import xml_reader
from csc_validate.errors import InputError
from csc_validate.readers.sheets import Sheet
from csc_validate.readers.xml_safety import open_events, root_element

CENSUS = """<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2027</Year>
      <ReferenceDate>2027-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>201</LEA>
      <SoftwareCode>Case system</SoftwareCode>
      <Release>4.2</Release>
      <SerialNo>001</SerialNo>
      <DateTime>2027-05-23T11:14:05</DateTime>
    </Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID> DF1 </LAchildID>
        <UPN>A123456789012</UPN>
        <FormerUPN/>
        <PersonBirthDate>2015-04-01</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      PersonBirthDate
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
          <Disability>MOB</Disability>
          <Disability>HEAR</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2026-05-01</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <CINclosureDate>2026-12-01</CINclosureDate>
        <ReasonForClosure>RC1</ReasonForClosure>
        <DateOfInitialCPC>2026-06-10</DateOfInitialCPC>
        <Assessments>
          <AssessmentActualStartDate>2026-05-02</AssessmentActualStartDate>
          <AssessmentInternalReviewDate>2026-05-20</AssessmentInternalReviewDate>
          <AssessmentAuthorisationDate>2026-06-01</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>2A</AssessmentFactors>
            <AssessmentFactors>3B</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Assessments>
          <AssessmentActualStartDate>2026-09-01</AssessmentActualStartDate>
          <FactorsIdentifiedAtAssessment/>
        </Assessments>
        <CINPlanDates>
          <CINPlanStartDate>2026-06-15</CINPlanStartDate>
          <CINPlanEndDate>2026-11-30</CINPlanEndDate>
        </CINPlanDates>
        <Section47>
          <S47ActualStartDate>2026-05-20</S47ActualStartDate>
          <InitialCPCtarget>2026-06-10</InitialCPCtarget>
          <DateOfInitialCPC>2026-06-09</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2026-06-09</CPPstartDate>
          <CPPendDate>2026-11-30</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2026-09-01</CPPreviewDate>
            <CPPreviewDate>2026-11-20</CPPreviewDate>
          </Reviews>
          <Reviews/>
        </ChildProtectionPlans>
        <PreProceedingsandFGDM>
          <PPStartDate>2026-07-01</PPStartDate>
          <LBPSentDate>2026-07-02</LBPSentDate>
          <FGDMMeetingOffer>1</FGDMMeetingOffer>
          <FGDMMeetingFac>1</FGDMMeetingFac>
          <InitialPPMeetingDate>2026-07-15</InitialPPMeetingDate>
          <ReviewMeetingsCount>2</ReviewMeetingsCount>
          <StepDecisionDate>2026-10-01</StepDecisionDate>
          <PPOutcome>A</PPOutcome>
          <CourtAppDate/>
          <LetterInitCPDate>2026-06-20</LetterInitCPDate>
        </PreProceedingsandFGDM>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2027-01-10</CINreferralDate>
        <ReferralSource>5D</ReferralSource>
        <ReferralNFA>true</ReferralNFA>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>DF2</LAchildID>
        <UPNunknown>UN1</UPNunknown>
        <ExpectedPersonBirthDate>2027-06-01</ExpectedPersonBirthDate>
        <Sex>U</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>NOBT</Ethnicity>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2027-02-01</CINreferralDate>
        <ReferralSource>3A</ReferralSource>
        <PrimaryNeedCode>N0</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2027-02-02</AssessmentActualStartDate>
        </Assessments>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2027-02-20</CPPstartDate>
          <InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
        </ChildProtectionPlans>
        <ChildProtectionPlans>
          <CPPstartDate>2027-03-01</CPPstartDate>
          <InitialCategoryOfAbuse>SAB</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>SAB</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>2</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2027-03-10</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
  </Children>
</Message>
"""
CHILD_1 = "/Message/Children/Child[1]"
CHILD_2 = "/Message/Children/Child[2]"
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Message><Header><CollectionDetails><Collection>&lol9;</Collection></CollectionDetails></Header>
</Message>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""


def line_of(marker: str, occurrence: int = 1, text: str = CENSUS) -> int:
    """The 1-based line of the nth occurrence of marker in the text."""
    position = -1
    for _ in range(occurrence):
        position = text.index(marker, position + 1)
    return text.count("\n", 0, position) + 1


def write(tmp_path: Path, text: str | bytes, name: str = "cin.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def read_census(tmp_path: Path, text: str = CENSUS) -> tuple[dict[str, Sheet], list[str]]:
    sheets, notes = xml_reader.read(write(tmp_path, text), "cin.xml")
    return {sheet.table or "": sheet for sheet in sheets}, notes


def rows(sheet: Sheet) -> list[dict[str, str | None]]:
    records = zip(*sheet.columns.values(), strict=True)
    return [dict(zip(sheet.columns, cells, strict=True)) for cells in records]


def picked(sheet: Sheet, *names: str) -> list[tuple[str | None, ...]]:
    return list(zip(*(sheet.columns[name] for name in names), strict=True))


# The census above writes its first LAchildID with spaces around it: read without, and said once.
SPACED_ID = (
    f'cin.xml, line {line_of("<LAchildID> DF1 </LAchildID>")}: <LAchildID> " DF1 " is written '
    "with spaces around the value; such values of <LAchildID> are read without the spaces, as "
    "DfE's codes and IDs have none"
)


@pytest.fixture
def census(tmp_path: Path) -> tuple[dict[str, Sheet], list[str]]:
    return read_census(tmp_path)


def test_every_table_comes_with_its_columns_in_order(census) -> None:
    tables, notes = census
    assert notes == [SPACED_ID]
    assert list(tables) == list(xml_reader.COLUMNS)
    for name, sheet in tables.items():
        assert tuple(sheet.columns) == xml_reader.COLUMNS[name]
        assert sheet.source_format == "xml"
        assert sheet.file == "cin.xml"
        assert sheet.xpaths is not None and len(sheet.xpaths) == sheet.height
        assert all(len(cells) == sheet.height for cells in sheet.columns.values())


def test_header_is_one_row_from_collection_details_and_source(census) -> None:
    header = census[0]["Header"]
    assert rows(header) == [
        {
            "Collection": "CIN",
            "Year": "2027",
            "ReferenceDate": "2027-03-31",
            "SourceLevel": "L",
            "LEA": "201",
            "SoftwareCode": "Case system",
            "Release": "4.2",
            "SerialNo": "001",
            "DateTime": "2027-05-23T11:14:05",
        }
    ]
    assert header.lines == [line_of("<Header>")]
    assert header.xpaths == ["/Message/Header"]


def test_child_identifiers_are_stripped_and_empty_or_absent_items_are_blank(census) -> None:
    identifiers = census[0]["ChildIdentifiers"]
    first, second = rows(identifiers)
    assert first["LAchildID"] == "DF1"
    assert first["UPN"] == "A123456789012"
    assert first["FormerUPN"] is None
    assert first["GenderCurrent"] is None
    assert first["Sex"] == "F"
    assert second == {
        "LAchildID": "DF2",
        "UPN": None,
        "FormerUPN": None,
        "UPNunknown": "UN1",
        "PersonBirthDate": None,
        "ExpectedPersonBirthDate": "2027-06-01",
        "GenderCurrent": None,
        "Sex": "U",
        "PersonDeathDate": None,
    }
    assert identifiers.lines == [line_of("<ChildIdentifiers>", 1), line_of("<ChildIdentifiers>", 2)]
    assert identifiers.xpaths == [f"{CHILD_1}/ChildIdentifiers", f"{CHILD_2}/ChildIdentifiers"]


def test_characteristics_and_each_disability_carry_the_child_id(census) -> None:
    tables = census[0]
    assert rows(tables["ChildCharacteristics"]) == [
        {"LAchildID": "DF1", "Ethnicity": "WBRI"},
        {"LAchildID": "DF2", "Ethnicity": "NOBT"},
    ]
    disabilities = tables["Disabilities"]
    assert rows(disabilities) == [
        {"LAchildID": "DF1", "Disability": "MOB"},
        {"LAchildID": "DF1", "Disability": "HEAR"},
    ]
    assert disabilities.lines == [line_of("<Disability>MOB"), line_of("<Disability>HEAR")]
    assert disabilities.xpaths == [
        f"{CHILD_1}/ChildCharacteristics/Disabilities/Disability[1]",
        f"{CHILD_1}/ChildCharacteristics/Disabilities/Disability[2]",
    ]


def test_episodes_are_numbered_within_each_child(census) -> None:
    details = census[0]["CINdetails"]
    assert picked(details, "LAchildID", "CINdetailsID") == [
        ("DF1", "1"),
        ("DF1", "2"),
        ("DF2", "1"),
    ]
    first = rows(details)[0]
    assert first["ReasonForClosure"] == "RC1"
    # The episode's own ICPC date, not the Section 47's (2026-06-09).
    assert first["DateOfInitialCPC"] == "2026-06-10"
    assert first["ReferralNFA"] == "false"
    assert rows(details)[1]["PrimaryNeedCode"] is None
    assert details.lines == [line_of("<CINdetails>", n) for n in (1, 2, 3)]
    assert details.xpaths == [
        f"{CHILD_1}/CINdetails[1]",
        f"{CHILD_1}/CINdetails[2]",
        f"{CHILD_2}/CINdetails[1]",
    ]


def test_assessments_and_their_factors_are_numbered_within_the_episode(census) -> None:
    tables = census[0]
    assessments = tables["Assessments"]
    keys = ("LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate")
    assert picked(assessments, *keys) == [
        ("DF1", "1", "1", "2026-05-02"),
        ("DF1", "1", "2", "2026-09-01"),
        ("DF2", "1", "1", "2027-02-02"),
    ]
    assert rows(assessments)[0]["AssessmentInternalReviewDate"] == "2026-05-20"
    assert rows(assessments)[1]["AssessmentAuthorisationDate"] is None
    assert assessments.xpaths[1] == f"{CHILD_1}/CINdetails[1]/Assessments[2]"
    assert assessments.lines[2] == line_of("<Assessments>", 3)
    # The empty <FactorsIdentifiedAtAssessment/> of the second assessment gives no rows.
    factors = tables["AssessmentFactorsList"]
    assert rows(factors) == [
        {"LAchildID": "DF1", "CINdetailsID": "1", "AssessmentID": "1", "AssessmentFactors": "2A"},
        {"LAchildID": "DF1", "CINdetailsID": "1", "AssessmentID": "1", "AssessmentFactors": "3B"},
    ]
    assert factors.lines == [line_of(">2A<"), line_of(">3B<")]
    assert factors.xpaths[1] == (
        f"{CHILD_1}/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment/AssessmentFactors[2]"
    )


def test_plans_and_section_47_enquiries_carry_the_episode(census) -> None:
    tables = census[0]
    assert rows(tables["CINplanDates"]) == [
        {
            "LAchildID": "DF1",
            "CINdetailsID": "1",
            "CINPlanStartDate": "2026-06-15",
            "CINPlanEndDate": "2026-11-30",
        }
    ]
    assert tables["CINplanDates"].xpaths == [f"{CHILD_1}/CINdetails[1]/CINPlanDates[1]"]
    assert rows(tables["Section47"]) == [
        {
            "LAchildID": "DF1",
            "CINdetailsID": "1",
            "S47ActualStartDate": "2026-05-20",
            "InitialCPCtarget": "2026-06-10",
            "DateOfInitialCPC": "2026-06-09",
            "ICPCnotRequired": "false",
        }
    ]
    assert tables["Section47"].lines == [line_of("<Section47>")]


def test_protection_plans_are_numbered_within_the_episode(census) -> None:
    plans = census[0]["ChildProtectionPlans"]
    assert picked(plans, "LAchildID", "CPPID", "CPPstartDate") == [
        ("DF1", "1", "2026-06-09"),
        ("DF2", "1", "2027-02-20"),
        ("DF2", "2", "2027-03-01"),
    ]
    assert rows(plans)[1]["CPPendDate"] is None
    assert rows(plans)[2]["NumberOfPreviousCPP"] == "2"
    assert plans.xpaths[2] == f"{CHILD_2}/CINdetails[1]/ChildProtectionPlans[2]"


def test_every_review_date_is_a_row_and_a_review_without_one_is_blank(census) -> None:
    reviews = census[0]["Reviews"]
    assert picked(reviews, "LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate") == [
        ("DF1", "1", "1", "2026-09-01"),
        ("DF1", "1", "1", "2026-11-20"),
        ("DF1", "1", "1", None),
        ("DF2", "1", "2", "2027-03-10"),
    ]
    plan = f"{CHILD_1}/CINdetails[1]/ChildProtectionPlans[1]"
    assert reviews.xpaths[:3] == [
        f"{plan}/Reviews[1]/CPPreviewDate[1]",
        f"{plan}/Reviews[1]/CPPreviewDate[2]",
        f"{plan}/Reviews[2]",
    ]
    assert reviews.lines[:3] == [
        line_of("<CPPreviewDate>2026-09-01"),
        line_of("<CPPreviewDate>2026-11-20"),
        line_of("<Reviews/>"),
    ]


def test_pre_proceedings_are_read_with_blank_for_an_empty_item(census) -> None:
    pre_proceedings = census[0]["PreProceedings"]
    [row] = rows(pre_proceedings)
    assert row["LAchildID"] == "DF1"
    assert row["CINdetailsID"] == "1"
    assert row["PPStartDate"] == "2026-07-01"
    assert row["ReviewMeetingsCount"] == "2"
    assert row["PPOutcome"] == "A"
    assert row["CourtAppDate"] is None
    assert row["LetterInitCPDate"] == "2026-06-20"
    assert pre_proceedings.lines == [line_of("<PreProceedingsandFGDM>")]
    assert pre_proceedings.xpaths == [f"{CHILD_1}/CINdetails[1]/PreProceedingsandFGDM[1]"]


def test_a_census_without_records_still_has_every_table(tmp_path: Path) -> None:
    text = "<Message>\n<Children>\n<Child><ChildIdentifiers><LAchildID>X</LAchildID>"
    text += "</ChildIdentifiers></Child>\n</Children>\n</Message>\n"
    tables, notes = read_census(tmp_path, text)
    assert list(tables) == list(xml_reader.COLUMNS)
    assert tables["Assessments"].height == 0
    assert tables["Assessments"].columns["AssessmentID"] == []
    assert tables["PreProceedings"].height == 0
    # Absent blocks leave blanks for the rules: a characteristics row, and a blank header.
    assert rows(tables["ChildCharacteristics"]) == [{"LAchildID": "X", "Ethnicity": None}]
    assert tables["ChildCharacteristics"].xpaths == [CHILD_1]
    assert rows(tables["Header"]) == [dict.fromkeys(xml_reader.COLUMNS["Header"])]
    assert tables["Header"].lines == [1]
    assert notes == []


def test_an_unknown_element_is_noted_once_naming_each_line(tmp_path: Path) -> None:
    text = CENSUS.replace(
        "<ReferralNFA>false</ReferralNFA>",
        "<ReferralNFA>false</ReferralNFA><Foo><Bar>1</Bar></Foo>",
    ).replace("<ReferralNFA>0</ReferralNFA>", "<ReferralNFA>0</ReferralNFA><Foo/>")
    text = text.replace("<Sex>U</Sex>", "<Sex>U</Sex><Sex>F</Sex>")
    tables, notes = read_census(tmp_path, text)
    foo, again = line_of("<Foo>", text=text), line_of("<Foo/>", text=text)
    sex = line_of("<Sex>F</Sex>", 2, text=text)
    assert notes == [
        SPACED_ID,
        f"cin.xml, line {foo}: element <Foo> inside <CINdetails> is not part of the CIN census;"
        f" ignored; again at line {again}",
        f"cin.xml, line {sex}: element <Sex> appears more than once inside <ChildIdentifiers>;"
        " only the first is read",
    ]
    assert rows(tables["ChildIdentifiers"])[1]["Sex"] == "U"
    assert tables["CINdetails"].height == 3


def test_a_namespace_is_noted_and_elements_are_read_by_local_name(tmp_path: Path) -> None:
    text = CENSUS.replace("<Message>", '<Message xmlns="urn:example:cin">')
    tables, notes = read_census(tmp_path, text)
    assert notes == [
        'cin.xml, line 2: the file declares the XML namespace "urn:example:cin" (on <Message>),'
        " where DfE's CIN census XML has none; elements are read by their local names",
        SPACED_ID,
    ]
    assert tables["Header"].columns["LEA"] == ["201"]
    assert tables["Reviews"].height == 4
    assert tables["CINdetails"].xpaths[2] == f"{CHILD_2}/CINdetails[1]"


def test_another_root_is_read_without_crashing(tmp_path: Path) -> None:
    tables, notes = read_census(tmp_path, "<EXPSSDA903>\n<CHILD><HEADER/></CHILD>\n</EXPSSDA903>")
    assert tables["ChildIdentifiers"].height == 0
    assert notes == [
        "cin.xml, line 2: element <CHILD> inside <EXPSSDA903> is not part of the CIN census;"
        " ignored"
    ]


def test_root_element_reads_only_as_far_as_the_root(tmp_path: Path) -> None:
    # The file breaks far beyond the root's start tag, so only reading it all would fail.
    broken = '<?xml version="1.0"?>\n<Message xmlns="urn:x">\n' + "<a>x</a>\n" * 50_000 + "<a></b>"
    assert root_element(write(tmp_path, broken), "cin.xml") == ("{urn:x}Message", 2)
    assert root_element(write(tmp_path, CENSUS), "cin.xml") == ("Message", 2)


def test_open_events_yields_start_and_end_events(tmp_path: Path) -> None:
    path = write(tmp_path, "<Message><!-- note --><Header/></Message>")
    events = [(event, element.tag) for event, element in open_events(path, "cin.xml")]
    assert events == [
        ("start", "Message"),
        ("start", "Header"),
        ("end", "Header"),
        ("end", "Message"),
    ]


# name: (file text, line named, words in the message, whether the fault precedes the root)
BAD_FILES = {
    "a document type declaration": (
        '<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE Message>\n<Message/>',
        3,
        "has a document type declaration (<!DOCTYPE>), which DfE returns never contain",
        True,
    ),
    "an entity expansion bomb": (BILLION_LAUGHS, 2, "refused for safety", True),
    "an external entity": (EXTERNAL_ENTITY, 2, "refused for safety", True),
    "elements nested 100,000 deep": (
        "<Message>\n" + "<a>" * 100_000 + "</a>" * 100_000 + "\n</Message>",
        2,
        "elements are nested too deeply",
        False,
    ),
    "a file cut short": (
        CENSUS[: CENSUS.index("<Assessments>")],
        line_of("<Assessments>"),
        "the file ends before the root element is closed",
        False,
    ),
    "an unclosed tag": (
        CENSUS.replace("</Disabilities>", ""),
        line_of("</ChildCharacteristics>"),
        f"<Disabilities> opened on line {line_of('<Disabilities>')} is closed by"
        " </ChildCharacteristics> (expected </Disabilities> before </ChildCharacteristics>)",
        False,
    ),
    "a CSV file": ("LAchildID,UPN\nDF1,A123456789012\n", 1, "this is not an XML document", True),
    "an undeclared entity": (
        CENSUS.replace(">DF2<", ">DF&nbsp;2<"),
        line_of(">DF2<"),
        "Entity 'nbsp' not defined",
        False,
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_unsafe_or_malformed_xml_is_one_line_naming_the_file_and_line(
    tmp_path: Path, name: str
) -> None:
    text, line, problem, before_root = BAD_FILES[name]
    path = write(tmp_path, text)
    readers = [xml_reader.read, root_element] if before_root else [xml_reader.read]
    for reader in readers:
        with pytest.raises(InputError) as raised:
            reader(path, "cin.xml")
        message = str(raised.value)
        assert message.startswith(f"cin.xml, line {line}: ")
        assert problem in message
        assert "\n" not in message
        assert "root:" not in message  # nothing of /etc/passwd


def test_the_error_log_of_an_earlier_file_is_not_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        xml_reader.read(write(tmp_path, "not xml", "first.xml"), "first.xml")
    with pytest.raises(InputError) as raised:
        xml_reader.read(write(tmp_path, "", "empty.xml"), "empty.xml")
    assert str(raised.value) == (
        "empty.xml: is not well-formed XML: the file holds no XML element"
        " (expected an XML document with a root element)"
    )


def test_a_utf16_doctype_is_found_too(tmp_path: Path) -> None:
    text = '<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE Message>\n<Message/>'
    path = write(tmp_path, text.encode("utf-16"))
    with pytest.raises(InputError, match=r"^cin\.xml, line 2: has a document type declaration"):
        root_element(path, "cin.xml")


def test_a_doctype_the_prolog_scan_cannot_decode_is_refused_by_the_parser(tmp_path: Path) -> None:
    # UTF-7 spells "<" as "+ADw-", so only the parser sees this declaration.
    head = b'<?xml version="1.0" encoding="UTF-7"?>\n'
    doctype = (
        b"+ADw-!DOCTYPE r +AFs-+ADw-!ENTITY x SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-"
    )
    path = write(tmp_path, head + doctype + b"\n<r>&x;</r>")
    with pytest.raises(InputError, match=r"^cin\.xml: has a document type declaration"):
        xml_reader.read(path, "cin.xml")


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^gone\.xml: cannot be read: No such file"):
        xml_reader.read(tmp_path / "gone.xml", "gone.xml")
