"""A year-to-date CIN census extract from a full year's census, as a case system would give it on
a day: what had not happened by then is not there, what was still going on is open, and the
header's ReferenceDate is the day.

Used to show that checking it as at that day finds nothing the full year's check does not.
"""

import copy
import dataclasses
import datetime as dt

from csc_validate.collections.cin.synthetic.census import Census
from csc_validate.collections.cin.synthetic.codes import for_year
from csc_validate.collections.cin.synthetic.records import Child, Episode, PreProceedings
from csc_validate.collections.cin.synthetic.xml_writer import render
from csc_validate.periods import financial_year


def cut(census: Census, as_at: dt.date) -> bytes:
    """The census XML as extracted on `as_at`: children first referred later are left out."""
    codes = for_year(financial_year(census.year))
    children = [
        child for child in (_child(c, as_at, codes.unknown) for c in census.children) if child
    ]
    xml = render(children, codes, census.lea)
    full_year = f"<ReferenceDate>{codes.period.end.isoformat()}</ReferenceDate>"
    return xml.replace(
        full_year.encode(), f"<ReferenceDate>{as_at.isoformat()}</ReferenceDate>".encode()
    )


def _child(child: Child, as_at: dt.date, unknown_sex: str) -> Child | None:
    child = copy.deepcopy(child)
    child.episodes = [_episode(e, as_at) for e in child.episodes if e.referral <= as_at]
    if not child.episodes:
        return None
    if child.death is not None and child.death > as_at:
        child.death = None
    if child.birth is not None and child.birth > as_at:
        # Not yet born on the day: known by the expected date of birth only.
        child.expected_birth, child.birth, child.sex = child.birth, None, unknown_sex
        child.upn, child.former_upn, child.upn_unknown = None, None, "UN1"
    return child


def _episode(episode: Episode, as_at: dt.date) -> Episode:
    if _later(episode.closure, as_at):
        episode.closure, episode.reason = None, None
    if _later(episode.icpc, as_at):
        episode.icpc = None
    episode.assessments = [a for a in episode.assessments if a.start <= as_at]
    for assessment in episode.assessments:
        if _later(assessment.authorised, as_at):
            # The factors are recorded when the assessment is authorised.
            assessment.authorised, assessment.factors = None, []
        if _later(assessment.reviewed, as_at):
            assessment.reviewed = None
    episode.section47s = [s for s in episode.section47s if s.start <= as_at]
    for enquiry in episode.section47s:
        if _later(enquiry.icpc, as_at):
            enquiry.icpc = None
    episode.cin_plans = [p for p in episode.cin_plans if p.start <= as_at]
    for plan in episode.cin_plans:
        if _later(plan.end, as_at):
            plan.end = None
    episode.protection_plans = [p for p in episode.protection_plans if p.start <= as_at]
    for cpp in episode.protection_plans:
        if _later(cpp.end, as_at):
            cpp.end = None
        cpp.reviews = [day for day in cpp.reviews if day <= as_at]
    episode.pre_proceedings = [
        _pre_proceedings(block, as_at) for block in episode.pre_proceedings if block.start <= as_at
    ]
    return episode


def _pre_proceedings(block: PreProceedings, as_at: dt.date) -> PreProceedings:
    """Each step taken after the day is not yet taken, nor anything that follows from it."""
    steps = dataclasses.asdict(block)
    if _later(block.letter_sent, as_at):
        steps["letter_sent"] = None
    if _later(block.first_meeting, as_at):
        steps.update(first_meeting=None, meeting_held=None, review_meetings=None)
    if _later(block.step_decision, as_at):
        steps.update(step_decision=None, outcome=None)
    if _later(block.court_application, as_at):
        steps["court_application"] = None
    if _later(block.proceedings_letter, as_at):
        steps["proceedings_letter"] = None
    return PreProceedings(**steps)


def _later(day: dt.date | None, as_at: dt.date) -> bool:
    return day is not None and day > as_at
