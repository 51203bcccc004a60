"""One episode of need lived out from the referral: assessments, enquiries, conferences, plans."""

# Everything is dated in working days where councils work to them (assessments, section 47
# enquiries, conferences, reviews). Nothing happens after `limit` (the reference date, or the
# child's death): whatever is still going on then is left open, as a council would report it.

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from csc_validate.collections.cin.synthetic.codes import (
    ABUSE,
    CLOSURE_AFTER_PLAN,
    PRIMARY_NEED,
    REFERRAL_SOURCE,
    Picker,
    YearCodes,
)
from csc_validate.collections.cin.synthetic.records import (
    Assessment,
    CinPlan,
    Episode,
    ProtectionPlan,
    Section47,
)
from csc_validate.collections.cin.synthetic.workdays import DAY, WorkCalendar

# Shares and durations, roughly as the national CIN statistics report them.
S47_SHARE = 0.32  # assessments that come with a section 47 enquiry
ICPC_SHARE = 0.42  # section 47 enquiries that lead to an initial conference
PLAN_AFTER_ICPC = 0.87  # conferences that start a child protection plan
CLOSED_AFTER_ASSESSMENT = 0.58  # plain assessments closed with RC8 or RC9
NO_FACTORS = 0.3  # of those, assessments that found nothing (factor 21 alone)
TRANSFERRED_IN = 0.03  # episodes that open with a transfer-in conference, no enquiry here
ESCALATED = 0.1  # CIN plans that end in a section 47 enquiry and a conference
# Queries 8670Q and 8675Q look back 45 and 15 working days from the reference date; keeping
# open work well inside those windows leaves room for bank holidays and counting conventions.
OPEN_ASSESSMENT_DAYS = 40
OPEN_S47_DAYS = 10
FACTOR_COUNTS = {"1": 24, "2": 36, "3": 26, "4": 14}
REVIEWS_BEFORE_END = {"1": 22, "2": 38, "3": 22, "4": 10, "5": 5, "6": 3}
PREVIOUS_PLANS = {"0": 72, "1": 19, "2": 6, "3": 2, "4": 1}


# The next phase of an episode and the day it starts; None when the episode stops.
Step = tuple[Callable[[dt.date], Any], dt.date] | None


def flag(rng: random.Random, value: bool) -> str:
    """A yes/no item as councils' systems write them: mostly true/false, sometimes 1/0."""
    if rng.random() < 0.3:
        return "1" if value else "0"
    return "true" if value else "false"


class History:
    """What carries over between one child's episodes."""

    def __init__(self, birth: dt.date | None) -> None:
        self.birth = birth
        self.plans_before: int | None = None  # child protection plans before the first one here

    def previous_plans(self, picker: Picker) -> int:
        if self.plans_before is None:
            self.plans_before = int(picker.pick(PREVIOUS_PLANS))
        else:
            self.plans_before += 1
        return self.plans_before


class EpisodeBuilder:
    """Lives one episode from its referral until it closes or `limit` is reached."""

    def __init__(self, picker: Picker, calendar: WorkCalendar, codes: YearCodes) -> None:
        self.rng = picker.rng
        self.picker = picker
        self.cal = calendar
        self.codes = codes

    def build(self, referral: dt.date, limit: dt.date, nfa: bool, history: History) -> Episode:
        rng, pick = self.rng, self.picker.pick
        episode = Episode(referral, pick(REFERRAL_SOURCE), None, flag(rng, nfa))
        if nfa:
            # A referral with no further action: nothing but the referral, closed the same day.
            episode.need = pick(PRIMARY_NEED) if rng.random() < 0.6 else None
            episode.closure, episode.reason = referral, "RC7"
            return episode
        episode.need = pick(PRIMARY_NEED)
        self.episode = episode
        self.limit = limit
        self.history = history
        self.finish = referral  # the latest planned end of anything in the episode
        self.assessable = referral  # the first day a new assessment may start
        self.had_s47 = False
        if rng.random() < TRANSFERRED_IN:
            step = self._transfer_in(referral)
        else:
            step = self._assess(referral)
        while step is not None:
            phase, day = step
            step = phase(day)
        return episode

    # -- phases: each returns the next phase and its first day, or None when the episode stops --

    def _transfer_in(self, referral: dt.date) -> Step:
        """A child arriving on another council's plan: a conference here, no enquiry."""
        self.episode.source = "5C"
        conference = self.cal.add(referral, self.rng.randint(3, 12))
        if conference > self.limit:
            return None
        self.episode.icpc = conference
        return (self._protect, conference)

    def _assess(self, day: dt.date, escalation: bool = False) -> Step:
        rng, cal, limit = self.rng, self.cal, self.limit
        start = cal.add(max(day, self.assessable), rng.choice((0, 0, 1, 1, 2, 3, 5, 7)))
        if start > limit:
            return None
        s47, outcome = None, None
        if escalation or rng.random() < S47_SHARE:
            s47, outcome = self._enquire(start, escalation)
        assessment = Assessment(start)
        self.episode.assessments.append(assessment)
        if rng.random() < 0.12:
            authorised = cal.add(start, rng.randint(46, 65))
        else:
            authorised = cal.add(start, round(rng.triangular(8, 45, 24)))
        # An assessment that runs with an enquiry is signed off once the enquiry concludes.
        if outcome is not None:
            authorised = max(authorised, outcome)
        if authorised > limit and start < cal.subtract(limit, OPEN_ASSESSMENT_DAYS):
            authorised = cal.between(rng, max(cal.add(start, 5), outcome or start), limit) or limit
        self.finish = max(self.finish, authorised)
        self.assessable = authorised + DAY
        if authorised <= limit:
            self._complete(assessment, authorised)
        if s47 is not None and s47.icpc is not None:
            # The conference does not wait for the assessment to be signed off.
            if rng.random() < PLAN_AFTER_ICPC:
                return (self._protect, s47.icpc)
            return (self._support, max(s47.icpc, authorised))
        if authorised > limit or (outcome is not None and outcome > limit):
            return None  # the assessment or the enquiry is still open
        if s47 is None and not self._had_plans() and rng.random() < CLOSED_AFTER_ASSESSMENT:
            return (self._close_after_assessment, authorised)
        return (self._support, authorised) if rng.random() < 0.75 else (self._close, authorised)

    def _enquire(self, start: dt.date, held: bool) -> tuple[Section47 | None, dt.date | None]:
        """A section 47 enquiry beside the assessment; its outcome day may be after `limit`."""
        rng, cal, limit = self.rng, self.cal, self.limit
        begun = cal.add(start, rng.choice((0, 0, 0, 1, 2)))
        if begun > limit:
            return None, None
        self.had_s47 = True
        s47 = Section47(begun, cal.add(begun, 15), not_required=flag(rng, False))
        self.episode.section47s.append(s47)
        held = held or rng.random() < ICPC_SHARE
        if held:
            late = rng.random() < 0.2
            outcome = cal.add(begun, rng.randint(16, 28) if late else rng.randint(5, 15))
        else:
            outcome = cal.add(begun, rng.randint(3, 14))
        if outcome > limit and begun < cal.subtract(limit, OPEN_S47_DAYS):
            outcome = cal.between(rng, cal.add(begun, 1), limit) or limit
        if outcome <= limit:
            if held:
                s47.icpc = outcome
            else:
                s47.not_required = flag(rng, True)
        self.finish = max(self.finish, outcome)
        return s47, outcome

    def _complete(self, assessment: Assessment, authorised: dt.date) -> None:
        rng = self.rng
        assessment.authorised = authorised
        if rng.random() < 0.4 and authorised > assessment.start:
            gap = min(3, (authorised - assessment.start).days)
            assessment.reviewed = authorised - rng.randint(0, gap) * DAY
        count = int(self.picker.pick(FACTOR_COUNTS))
        assessment.factors = self.picker.distinct(self.codes.factors, count)

    def _had_plans(self) -> bool:
        episode = self.episode
        return bool(episode.cin_plans or episode.protection_plans or episode.icpc or self.had_s47)

    def _close_after_assessment(self, day: dt.date) -> None:
        """Closed once the assessment is signed off: RC8 (no further action) or RC9 (early help)."""
        rng, episode = self.rng, self.episode
        closure = day
        # A later closure would leave the assessment out of the census if it was signed off
        # before the year began, and RC8/RC9 without an assessment is query 8825Q.
        if day >= self.codes.period.start and rng.random() < 0.3:
            closure = self.cal.add(day, rng.randint(1, 3))
        if closure > self.limit:
            return None
        episode.closure = closure
        episode.reason = "RC8" if rng.random() < 0.55 else "RC9"
        if len(episode.assessments) == 1 and rng.random() < NO_FACTORS:
            episode.assessments[0].factors = ["21"]
        return None

    def _protect(self, conference: dt.date) -> Step:
        """A child protection plan from the conference, reviewed at 3 months then 6-monthly."""
        rng, cal, limit, pick = self.rng, self.cal, self.limit, self.picker.pick
        category = pick(ABUSE)
        latest = category if rng.random() < 0.85 else pick(ABUSE)
        previous = self.history.previous_plans(self.picker)
        plan = ProtectionPlan(conference, None, category, latest, str(previous))
        self.episode.protection_plans.append(plan)
        reviews, review = [], cal.on_or_after(conference + rng.randint(55, 85) * DAY)
        for _ in range(int(pick(REVIEWS_BEFORE_END))):
            reviews.append(review)
            if review > limit:
                break
            review = cal.on_or_after(review + rng.randint(140, 180) * DAY)
        end = reviews[-1]
        if end <= limit and rng.random() < 0.12:
            # Ended between reviews: the child moved away or came into care.
            low = (reviews[-2] if len(reviews) > 1 else conference) + 7 * DAY
            off_cycle = cal.between(rng, low, end - 7 * DAY)
            if off_cycle is not None:
                reviews.pop()
                end = off_cycle
        plan.reviews = [day for day in reviews if day <= limit]
        self.finish = max(self.finish, end)
        if end > limit:
            return None
        plan.end = end
        roll = rng.random()
        if roll < 0.55:
            return (self._support, end + DAY)  # stepped down to a CIN plan
        if roll < 0.9:
            return (self._close, end)
        return None  # looked after now: the episode stays open without a plan

    def _support(self, day: dt.date) -> Step:
        """A child in need plan; some end in an enquiry and a conference."""
        rng, cal, limit = self.rng, self.cal, self.limit
        start = cal.add(day, rng.randint(0, 8))
        if start > limit:
            return None
        plan = CinPlan(start)
        self.episode.cin_plans.append(plan)
        end = cal.on_or_after(start + rng.randint(50, 420) * DAY)
        # Rule 2885 reads an episode-level conference only when the episode has no live
        # section 47 record, so a transferred-in episode is not escalated here.
        if rng.random() < ESCALATED and self.episode.icpc is None:
            concern = cal.add(max(start, self.assessable), rng.randint(15, 90))
            if concern < end and concern <= limit:
                step = self._assess(concern, escalation=True)
                s47 = self.episode.section47s[-1] if self.had_s47 else None
                if step is not None and step[0] == self._protect:
                    plan.end = step[1] - DAY  # the CIN plan gives way to the protection plan
                    return step
                if s47 is not None and s47.icpc is None and s47.not_required in ("false", "0"):
                    return None  # the enquiry is still open: the CIN plan goes on
                self.finish = max(self.finish, self.assessable - DAY)
                end = max(end, self.assessable)
        self.finish = max(self.finish, end)
        if end > limit:
            return None
        plan.end = end
        return (self._close, end)

    def _close(self, day: dt.date) -> None:
        rng = self.rng
        closure = max(self.cal.add(day, rng.randint(0, 15)), self.finish)
        if closure > self.limit:
            return None
        reason = self.picker.pick(CLOSURE_AFTER_PLAN)
        birth = self.history.birth
        if reason == "RC6" and (birth is None or (closure - birth).days < 17 * 365):
            reason = "RC7"  # only young people near 18 move to adult services
        if reason == "RC1" and (birth is None or (closure - birth).days > 10 * 365):
            reason = "RC7"
        self.episode.closure, self.episode.reason = closure, reason
        return None
