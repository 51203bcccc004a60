"""What a synthetic child in the CIN census is made of: one class per XML module."""

# Codes and flags hold the text written to the file, so that a mistake can put in any value.

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

TRUE_FLAGS = ("true", "1")


@dataclass(slots=True)
class Assessment:
    start: dt.date
    authorised: dt.date | None = None  # None: still open
    reviewed: dt.date | None = None  # AssessmentInternalReviewDate
    factors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Section47:
    start: dt.date
    target: dt.date | None
    icpc: dt.date | None = None
    not_required: str = "false"  # ICPCnotRequired as written


@dataclass(slots=True)
class CinPlan:
    start: dt.date
    end: dt.date | None = None


@dataclass(slots=True)
class ProtectionPlan:
    start: dt.date
    end: dt.date | None
    initial_category: str | None
    latest_category: str | None
    previous: str | None  # NumberOfPreviousCPP as written
    reviews: list[dt.date] = field(default_factory=list)


@dataclass(slots=True)
class PreProceedings:
    """One PreProceedingsandFGDM block (2026-27 on); None for an item not reached yet."""

    start: dt.date
    letter_sent: dt.date | None = None
    meeting_offered: str | None = None
    meeting_held: str | None = None
    first_meeting: dt.date | None = None
    review_meetings: str | None = None
    step_decision: dt.date | None = None
    outcome: str | None = None
    court_application: dt.date | None = None
    proceedings_letter: dt.date | None = None


@dataclass(slots=True)
class Episode:
    """One CINdetails module: a referral and what followed it."""

    referral: dt.date
    source: str | None
    need: str | None
    nfa: str  # ReferralNFA as written: true, false, 1 or 0
    closure: dt.date | None = None
    reason: str | None = None
    icpc: dt.date | None = None  # DateOfInitialCPC recorded on the episode, not on a Section47
    assessments: list[Assessment] = field(default_factory=list)
    cin_plans: list[CinPlan] = field(default_factory=list)
    section47s: list[Section47] = field(default_factory=list)
    protection_plans: list[ProtectionPlan] = field(default_factory=list)
    pre_proceedings: list[PreProceedings] = field(default_factory=list)

    @property
    def is_nfa(self) -> bool:
        return self.nfa in TRUE_FLAGS

    def dates(self) -> list[dt.date]:
        """Every date of activity in the episode after the referral (not the closure)."""
        found = [self.icpc] if self.icpc else []
        for assessment in self.assessments:
            found += [assessment.start, assessment.authorised, assessment.reviewed]
        for s47 in self.section47s:
            found += [s47.start, s47.icpc]
        for plan in self.cin_plans:
            found += [plan.start, plan.end]
        for cpp in self.protection_plans:
            found += [cpp.start, cpp.end, *cpp.reviews]
        for block in self.pre_proceedings:
            found += [
                block.start,
                block.letter_sent,
                block.first_meeting,
                block.step_decision,
                block.court_application,
                block.proceedings_letter,
            ]
        return [day for day in found if day is not None]


@dataclass(slots=True)
class Child:
    id: str
    sex: str | None  # as written in the year's element (Sex or GenderCurrent)
    ethnicity: str | None
    birth: dt.date | None = None
    expected_birth: dt.date | None = None
    upn: str | None = None
    former_upn: str | None = None
    upn_unknown: str | None = None
    death: dt.date | None = None
    disabilities: list[str] | None = None  # None: no Disabilities element
    episodes: list[Episode] = field(default_factory=list)

    @property
    def unborn(self) -> bool:
        return self.birth is None and self.expected_birth is not None
