"""The CIN census XML message: DfE's element order (formats.md §2.2), two-space indents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from xml.sax.saxutils import escape

from csc_validate.collections.cin.synthetic.codes import YearCodes
from csc_validate.collections.cin.synthetic.records import Child, Episode

SOFTWARE_CODE = "csc-validate synthetic"
RELEASE = "1.0"
SERIAL_NUMBER = "001"

Emit = Callable[[str], None]


def render(children: list[Child], codes: YearCodes, lea: str) -> bytes:
    """The whole file, UTF-8 with an XML declaration."""
    lines: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>', "<Message>"]
    emit = lines.append
    _header(emit, codes, lea)
    if children:
        emit("  <Children>")
        for child in children:
            _child(emit, child, codes)
        emit("  </Children>")
    else:
        emit("  <Children/>")
    emit("</Message>")
    lines.append("")
    return "\n".join(lines).encode("utf-8")


def submitted_at(codes: YearCodes) -> str:
    """A fixed time in the May after the census year, so that the same input gives the same file."""
    return f"{codes.period.end.year}-05-14T10:30:00"


def _header(emit: Emit, codes: YearCodes, lea: str) -> None:
    ref = codes.period.end
    emit("  <Header>")
    emit("    <CollectionDetails>")
    emit("      <Collection>CIN</Collection>")
    emit(f"      <Year>{ref.year}</Year>")
    emit(f"      <ReferenceDate>{ref.isoformat()}</ReferenceDate>")
    emit("    </CollectionDetails>")
    emit("    <Source>")
    emit("      <SourceLevel>L</SourceLevel>")
    emit(f"      <LEA>{_text(lea)}</LEA>")
    emit(f"      <SoftwareCode>{SOFTWARE_CODE}</SoftwareCode>")
    emit(f"      <Release>{RELEASE}</Release>")
    emit(f"      <SerialNo>{SERIAL_NUMBER}</SerialNo>")
    emit(f"      <DateTime>{submitted_at(codes)}</DateTime>")
    emit("    </Source>")
    emit("  </Header>")


def _text(value: str) -> str:
    return escape(value) if ("&" in value or "<" in value or ">" in value) else value


def _item(emit: Emit, indent: str, tag: str, value: str | dt.date | None) -> None:
    if value is None:
        return
    text = value.isoformat() if isinstance(value, dt.date) else _text(value)
    emit(f"{indent}<{tag}>{text}</{tag}>")


def _child(emit: Emit, child: Child, codes: YearCodes) -> None:
    emit("    <Child>")
    emit("      <ChildIdentifiers>")
    at = "        "
    _item(emit, at, "LAchildID", child.id)
    _item(emit, at, "UPN", child.upn)
    _item(emit, at, "FormerUPN", child.former_upn)
    _item(emit, at, "UPNunknown", child.upn_unknown)
    _item(emit, at, "PersonBirthDate", child.birth)
    _item(emit, at, "ExpectedPersonBirthDate", child.expected_birth)
    _item(emit, at, codes.sex_element, child.sex)
    _item(emit, at, "PersonDeathDate", child.death)
    emit("      </ChildIdentifiers>")
    emit("      <ChildCharacteristics>")
    _item(emit, at, "Ethnicity", child.ethnicity)
    if child.disabilities is not None:
        emit("        <Disabilities>")
        for code in child.disabilities:
            _item(emit, "          ", "Disability", code)
        emit("        </Disabilities>")
    emit("      </ChildCharacteristics>")
    for episode in child.episodes:
        _episode(emit, episode)
    emit("    </Child>")


def _episode(emit: Emit, episode: Episode) -> None:
    at, deeper, deepest = "        ", "          ", "            "
    emit("      <CINdetails>")
    _item(emit, at, "CINreferralDate", episode.referral)
    _item(emit, at, "ReferralSource", episode.source)
    _item(emit, at, "PrimaryNeedCode", episode.need)
    _item(emit, at, "CINclosureDate", episode.closure)
    _item(emit, at, "ReasonForClosure", episode.reason)
    _item(emit, at, "DateOfInitialCPC", episode.icpc)
    for assessment in episode.assessments:
        emit(f"{at}<Assessments>")
        _item(emit, deeper, "AssessmentActualStartDate", assessment.start)
        _item(emit, deeper, "AssessmentInternalReviewDate", assessment.reviewed)
        _item(emit, deeper, "AssessmentAuthorisationDate", assessment.authorised)
        if assessment.factors:
            emit(f"{deeper}<FactorsIdentifiedAtAssessment>")
            for factor in assessment.factors:
                _item(emit, deepest, "AssessmentFactors", factor)
            emit(f"{deeper}</FactorsIdentifiedAtAssessment>")
        emit(f"{at}</Assessments>")
    for plan in episode.cin_plans:
        emit(f"{at}<CINPlanDates>")
        _item(emit, deeper, "CINPlanStartDate", plan.start)
        _item(emit, deeper, "CINPlanEndDate", plan.end)
        emit(f"{at}</CINPlanDates>")
    for s47 in episode.section47s:
        emit(f"{at}<Section47>")
        _item(emit, deeper, "S47ActualStartDate", s47.start)
        _item(emit, deeper, "InitialCPCtarget", s47.target)
        _item(emit, deeper, "DateOfInitialCPC", s47.icpc)
        _item(emit, deeper, "ICPCnotRequired", s47.not_required)
        emit(f"{at}</Section47>")
    _item(emit, at, "ReferralNFA", episode.nfa)
    for cpp in episode.protection_plans:
        emit(f"{at}<ChildProtectionPlans>")
        _item(emit, deeper, "CPPstartDate", cpp.start)
        _item(emit, deeper, "CPPendDate", cpp.end)
        _item(emit, deeper, "InitialCategoryOfAbuse", cpp.initial_category)
        _item(emit, deeper, "LatestCategoryOfAbuse", cpp.latest_category)
        _item(emit, deeper, "NumberOfPreviousCPP", cpp.previous)
        for review in cpp.reviews:
            emit(f"{deeper}<Reviews>")
            _item(emit, deepest, "CPPreviewDate", review)
            emit(f"{deeper}</Reviews>")
        emit(f"{at}</ChildProtectionPlans>")
    for block in episode.pre_proceedings:
        emit(f"{at}<PreProceedingsandFGDM>")
        _item(emit, deeper, "PPStartDate", block.start)
        _item(emit, deeper, "LBPSentDate", block.letter_sent)
        _item(emit, deeper, "FGDMMeetingOffer", block.meeting_offered)
        _item(emit, deeper, "FGDMMeetingFac", block.meeting_held)
        _item(emit, deeper, "InitialPPMeetingDate", block.first_meeting)
        _item(emit, deeper, "ReviewMeetingsCount", block.review_meetings)
        _item(emit, deeper, "StepDecisionDate", block.step_decision)
        _item(emit, deeper, "PPOutcome", block.outcome)
        _item(emit, deeper, "CourtAppDate", block.court_application)
        _item(emit, deeper, "LetterInitCPDate", block.proceedings_letter)
        emit(f"{at}</PreProceedingsandFGDM>")
    emit("      </CINdetails>")
