"""A synthetic child in need: who they are, and the episodes the census year reports for them."""

from __future__ import annotations

import datetime as dt

from csc_validate.collections.cin.synthetic.codes import (
    DISABILITY,
    ETHNICITY,
    UPN_UNKNOWN_SCHOOL_AGE,
    Picker,
    YearCodes,
)
from csc_validate.collections.cin.synthetic.episodes import EpisodeBuilder, History
from csc_validate.collections.cin.synthetic.identifiers import UpnIssuer
from csc_validate.collections.cin.synthetic.preproceedings import pre_proceedings
from csc_validate.collections.cin.synthetic.records import Child, Episode
from csc_validate.collections.cin.synthetic.scope import reported
from csc_validate.collections.cin.synthetic.workdays import DAY, WorkCalendar

# Age at the reference date, years 0-17, as in the national CIN figures.
AGES = {
    "0": 6, "1": 4.5, "2": 4.5, "3": 4.5, "4": 4.5, "5": 5, "6": 5, "7": 5, "8": 5, "9": 5,
    "10": 5.5, "11": 6, "12": 6.5, "13": 7, "14": 7.5, "15": 7.5, "16": 6.5, "17": 5,
}  # fmt: skip
UNBORN = 0.02  # referred before birth and not born by the reference date
BORN_IN_YEAR = 0.015  # referred before birth and born during the year
CARRIED_IN = 0.36  # episodes that began in an earlier year and were open on 1 April
NFA = 0.09  # referrals with no further action
REREFERRED = 0.14  # children referred again after an episode closed
NFA_LEFT_OPEN = 0.2  # a last NFA episode some systems leave without a closure date
DISABLED = 0.13
DIES = 0.001


class ChildMaker:
    """Draws one child at a time: identity, characteristics and episodes of need."""

    def __init__(
        self,
        picker: Picker,
        calendar: WorkCalendar,
        codes: YearCodes,
        upns: UpnIssuer,
    ) -> None:
        self.rng = picker.rng
        self.picker = picker
        self.cal = calendar
        self.codes = codes
        self.period = codes.period
        self.upns = upns
        self.builder = EpisodeBuilder(picker, calendar, codes)
        ref = self.period.end
        # formats.md and 8770Q (2024-25): of school age if born on or before 31 August six
        # years before the August after the reference date.
        self.school_age_cutoff = dt.date(ref.year - 6, 8, 31)

    def make(self, child_id: str) -> Child:
        rng, codes = self.rng, self.codes
        child = Child(child_id, codes.male, self.picker.pick(ETHNICITY))
        roll = rng.random()
        if roll < UNBORN:
            self._unborn(child)
        else:
            self._born(child, newborn=roll < UNBORN + BORN_IN_YEAR)
        child.episodes = reported(child.episodes, self.period)
        if codes.pre_proceedings:
            self._pre_proceedings(child)
        self._identify(child)
        self._disabilities(child)
        return child

    # -- who the child is ----------------------------------------------------------------------

    def _unborn(self, child: Child) -> None:
        rng, ref = self.rng, self.period.end
        due = ref + rng.randint(5, 240) * DAY  # 8530Q: expected between March and December
        child.expected_birth = due
        child.sex = self.codes.unknown  # 8750
        # 8606: referred no more than 40 weeks before the expected birth.
        earliest = max(self.period.start, due - 270 * DAY)
        referral = self._referral_day(earliest, ref)
        history = History(None)
        child.episodes = [self.builder.build(referral, ref, False, history)]

    def _born(self, child: Child, newborn: bool) -> None:
        rng, period = self.rng, self.period
        if newborn:
            birth = period.start + rng.randint(150, 360) * DAY
            first = max(period.start, birth - rng.randint(20, 150) * DAY)
        else:
            age = int(self.picker.pick(AGES))
            birth = period.end - (age * 365 + rng.randint(0, 364)) * DAY
            first = max(period.start, birth)
        child.birth = birth
        roll = rng.random()
        if roll < 0.004:
            child.sex = self.codes.unknown
        else:
            child.sex = self.codes.male if roll < 0.52 else self.codes.female
        history = History(birth)
        episodes = []
        if not newborn and rng.random() < CARRIED_IN:
            episodes = self._carried_in(birth, history)
        if not episodes:
            referral = self._referral_day(first, period.end)
            nfa = rng.random() < NFA
            episodes = [self.builder.build(referral, period.end, nfa, history)]
        self._rereferrals(episodes, history)
        child.episodes = episodes
        if rng.random() < DIES and birth < period.start:
            self._die(child)

    def _carried_in(self, birth: dt.date, history: History) -> list[Episode]:
        """An episode that began before the year and was still open on 1 April."""
        rng, start = self.rng, self.period.start
        # 8606: a pre-birth referral is at most 40 weeks before the birth; keep well inside.
        earliest = max(start - 1100 * DAY, birth - 120 * DAY)
        for _ in range(8):
            roll = rng.random()
            back = rng.randint(1, 120) if roll < 0.5 else rng.randint(120, 400)
            if roll > 0.8:
                back = rng.randint(400, 1100)
            referral = start - back * DAY
            if referral < earliest:
                continue
            episode = self.builder.build(referral, self.period.end, False, history)
            if episode.closure is None or episode.closure >= start:
                return [episode]
            history.plans_before = None
        return []

    def _rereferrals(self, episodes: list[Episode], history: History) -> None:
        rng, ref = self.rng, self.period.end
        while rng.random() < REREFERRED:
            closure = episodes[-1].closure
            if closure is None:
                break
            referral = closure + rng.randint(21, 300) * DAY
            if referral > ref:
                break
            nfa = rng.random() < NFA * 1.5
            episodes.append(self.builder.build(referral, ref, nfa, history))
        last = episodes[-1]
        if last.is_nfa and rng.random() < NFA_LEFT_OPEN:
            last.closure, last.reason = None, None

    def _referral_day(self, low: dt.date, high: dt.date) -> dt.date:
        """Referrals come on any day, but mostly on weekdays."""
        rng = self.rng
        day = low + rng.randint(0, (high - low).days) * DAY
        if day.weekday() >= 5 and rng.random() < 0.85:
            weekday = self.cal.between(rng, low, high)
            day = weekday or day
        return day

    def _die(self, child: Child) -> None:
        """A rare death in the year: everything open ends that day; the episode closes RC2."""
        rng, period = self.rng, self.period
        episode = child.episodes[-1]
        low = max(period.start, episode.referral + 14 * DAY)
        if low >= period.end - 5 * DAY:
            return
        death = low + rng.randint(0, (period.end - 5 * DAY - low).days) * DAY
        if episode.closure is not None and episode.closure <= death:
            return
        if any(day >= death for day in _starts(episode)):
            return
        if any(
            s47.icpc is None and s47.not_required in ("false", "0") for s47 in episode.section47s
        ):
            return
        if any(s47.icpc is not None and s47.icpc > death for s47 in episode.section47s):
            return
        for assessment in episode.assessments:
            if assessment.authorised is None or assessment.authorised > death:
                assessment.authorised, assessment.reviewed = death, None
            # Factor 21 alone goes with an RC8/RC9 closure (8873Q); this one closes RC2.
            if not assessment.factors or assessment.factors == ["21"]:
                assessment.factors = self.picker.distinct(self.codes.factors, 2)
        for plan in episode.cin_plans:
            if plan.end is None or plan.end > death:
                plan.end = death
        for cpp in episode.protection_plans:
            cpp.reviews = [day for day in cpp.reviews if day <= death]
            if cpp.end is None or cpp.end > death:
                cpp.end = death
        episode.closure, episode.reason = death, "RC2"
        child.death = death

    # -- identifiers and characteristics -------------------------------------------------------

    def _identify(self, child: Child) -> None:
        """A UPN, or the reason there is none (8770Q, 8772)."""
        rng = self.rng
        all_nfa = all(episode.is_nfa for episode in child.episodes)
        birth = child.birth
        if birth is None:
            child.upn_unknown = "UN1"
            return
        school_age = birth <= self.school_age_cutoff
        if school_age:
            if rng.random() < 0.96:
                child.upn = self.upns.issue(birth.year + rng.choice((4, 5)))
                if rng.random() < 0.01:
                    child.former_upn = self.upns.issue(birth.year + 4, elsewhere=True)
            elif all_nfa and rng.random() < 0.5:
                child.upn_unknown = "UN7"
            else:
                child.upn_unknown = self.picker.pick(UPN_UNKNOWN_SCHOOL_AGE)
            return
        ref = self.period.end
        # Not yet of school age: UN1, except children already at nursery or reception; kept
        # two months clear of the school-age cut-off so no rule has to decide that edge.
        if birth > self.school_age_cutoff + 60 * DAY and (
            (ref - birth).days < 4 * 365 or rng.random() < 0.3
        ):
            child.upn_unknown = "UN7" if all_nfa and rng.random() < 0.2 else "UN1"
        else:
            child.upn = self.upns.issue(min(birth.year + 4, ref.year))

    def _disabilities(self, child: Child) -> None:
        """8540: a child with an episode going further needs a code, NONE too."""
        rng = self.rng
        if child.birth is None:
            # The peer asks only children with a birth date; DfE's wording asks every child.
            child.disabilities = ["NONE"]
            return
        if rng.random() < DISABLED:
            count = rng.choices((1, 2, 3), (65, 25, 10))[0]
            child.disabilities = self.picker.distinct(DISABILITY, count)
        elif not all(episode.is_nfa for episode in child.episodes) or rng.random() < 0.5:
            child.disabilities = ["NONE"]

    def ensure_pre_proceedings(self, children: list[Child]) -> None:
        """8995Q queries a 2026-27 return without any pre-proceedings: give one child a block."""
        if not self.codes.pre_proceedings:
            return
        episodes = [e for child in children if child.death is None for e in child.episodes]
        if any(e.pre_proceedings for e in episodes):
            return
        for episode in episodes:
            block = pre_proceedings(self.picker, self.cal, episode, self.period, self.period.end)
            if block is not None:
                episode.pre_proceedings.append(block)
                return

    def _pre_proceedings(self, child: Child) -> None:
        rng, limit = self.rng, child.death or self.period.end
        for episode in child.episodes:
            share = 0.12 if episode.protection_plans else 0.02
            if (episode.protection_plans or episode.cin_plans) and rng.random() < share:
                block = pre_proceedings(self.picker, self.cal, episode, self.period, limit)
                if block is not None:
                    episode.pre_proceedings.append(block)


def _starts(episode: Episode) -> list[dt.date]:
    starts = [a.start for a in episode.assessments] + [s.start for s in episode.section47s]
    starts += [p.start for p in episode.cin_plans] + [p.start for p in episode.protection_plans]
    return starts
