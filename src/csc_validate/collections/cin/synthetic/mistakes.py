"""Mistakes that councils really make in CIN census returns, put into a clean synthetic one."""

# Each kind changes one child only, checks first that the child's records let the mistake break
# the rules it names and no others, and changes nothing when they do not.

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from csc_validate.collections.cin.synthetic.codes import YearCodes
from csc_validate.collections.cin.synthetic.identifiers import CHECK_LETTERS
from csc_validate.collections.cin.synthetic.records import (
    TRUE_FLAGS,
    Child,
    CinPlan,
    Episode,
    ProtectionPlan,
)
from csc_validate.collections.cin.synthetic.workdays import DAY, WorkCalendar

FALSE_FLAGS = ("false", "0")
T = TypeVar("T")


class Mistake(BaseModel):
    """One deliberate mistake: the child (as written in the file), its kind, the rules it breaks."""

    model_config = ConfigDict(frozen=True)

    child: str
    kind: str
    rules: tuple[str, ...]
    detail: str


@dataclass(frozen=True)
class Kind:
    weight: float  # how often councils make it, relative to the others
    rules: tuple[str, ...]
    make: Callable[[Injector, Child], str | None]  # changes the child, or returns None
    from_year: int = 0  # the first year (its April) whose rules include all of `rules`


def inject(
    rng: random.Random,
    children: list[Child],
    codes: YearCodes,
    calendar: WorkCalendar,
    error_rate: float,
) -> list[Mistake]:
    """Give round(error_rate × children) children one mistake each; return what was done."""
    wanted = round(error_rate * len(children))
    return Injector(rng, children, codes, calendar).run(wanted)


class Injector:
    """Draws a kind by weight, then the next child (in a shuffled order) whose records fit it."""

    def __init__(
        self, rng: random.Random, children: list[Child], codes: YearCodes, calendar: WorkCalendar
    ) -> None:
        self.rng = rng
        self.children = children
        self.period = codes.period
        self.codes = codes
        self.cal = calendar
        self.order = list(children)
        rng.shuffle(self.order)
        self.cursor: dict[str, int] = {}
        self.taken: set[int] = set()  # id() of children already given a mistake or involved in one

    def run(self, wanted: int) -> list[Mistake]:
        first_year = self.period.start.year
        kinds = {name: kind for name, kind in KINDS.items() if kind.from_year <= first_year}
        mistakes: list[Mistake] = []
        while len(mistakes) < wanted and kinds:
            names = list(kinds)
            name = self.rng.choices(names, [kinds[n].weight for n in names])[0]
            mistake = self._next(name, kinds[name])
            if mistake is None:
                del kinds[name]  # no child left that fits this kind
            else:
                mistakes.append(mistake)
        return sorted(mistakes, key=lambda m: (m.child, m.kind))

    def _next(self, name: str, kind: Kind) -> Mistake | None:
        at = self.cursor.get(name, 0)
        while at < len(self.order):
            child = self.order[at]
            at += 1
            if id(child) in self.taken:
                continue
            detail = kind.make(self, child)
            if detail is not None:
                self.cursor[name] = at
                self.taken.add(id(child))
                return Mistake(child=child.id, kind=name, rules=kind.rules, detail=detail)
        self.cursor[name] = at
        return None

    # -- helpers -------------------------------------------------------------------------------

    def choose(self, options: Sequence[T]) -> T | None:
        return options[self.rng.randrange(len(options))] if options else None

    def in_year(self, day: dt.date | None, margin: int = 0) -> bool:
        start = self.period.start + margin * DAY
        return day is not None and start <= day <= self.period.end

    # -- the kinds -----------------------------------------------------------------------------

    def closure_before_referral(self, child: Child) -> str | None:
        # An NFA episode has no activity, so only 8630 can see the earlier closure.
        episode = self.choose(
            [
                e
                for e in child.episodes
                if e.is_nfa and e.closure == e.referral and self.in_year(e.referral, 10)
            ]
        )
        if episode is None:
            return None
        episode.closure = episode.referral - self.rng.randint(1, 5) * DAY
        return f"closure {episode.closure} typed before the referral on {episode.referral}"

    def closure_without_reason(self, child: Child) -> str | None:
        # Not RC8/RC9: without them a lone "21" assessment would also raise 8873Q.
        episode = self.choose(
            [e for e in child.episodes if e.closure and e.reason not in (None, "RC8", "RC9")]
        )
        if episode is None:
            return None
        old, episode.reason = episode.reason, None
        return f"episode closed {episode.closure} without its reason ({old})"

    def reason_without_closure(self, child: Child) -> str | None:
        episode = self.choose([e for e in child.episodes if e.closure is None])
        if episode is None:
            return None
        episode.reason = "RC7"
        return f"open episode referred {episode.referral} given reason RC7 with no closure date"

    def missing_referral_source(self, child: Child) -> str | None:
        episode = self.choose([e for e in child.episodes if e.source])
        if episode is None:
            return None
        old, episode.source = episode.source, None
        return f"referral source {old} left out of the episode referred {episode.referral}"

    def invalid_primary_need(self, child: Child) -> str | None:
        episode = self.choose([e for e in child.episodes if e.need])
        if episode is None:
            return None
        old, episode.need = episode.need, self.choose(["NO", "N10", "N"])
        return f"primary need {old} written as {episode.need!r}"

    def missing_primary_need(self, child: Child) -> str | None:
        episode = self.choose([e for e in child.episodes if e.need and not e.is_nfa])
        if episode is None:
            return None
        old, episode.need = episode.need, None
        return f"primary need {old} left out of a referral that went further"

    def assessment_before_referral(self, child: Child) -> str | None:
        found = [
            (e, a)
            for e in child.episodes
            if self.in_year(e.referral, 10)
            for a in e.assessments[:1]
            if a.authorised is not None
        ]
        pair = self.choose(found)
        if pair is None:
            return None
        episode, assessment = pair
        assessment.start = episode.referral - self.rng.randint(1, 5) * DAY
        return f"assessment start {assessment.start} before the referral on {episode.referral}"

    def assessment_end_before_start(self, child: Child) -> str | None:
        found = [
            a
            for e in child.episodes
            for a in e.assessments
            if a.authorised and a.authorised > a.start and self.in_year(a.start)
        ]
        assessment = self.choose(found)
        if assessment is None:
            return None
        assessment.start, assessment.authorised = assessment.authorised, assessment.start
        assessment.reviewed = None
        return (
            f"assessment start {assessment.start} and authorisation {assessment.authorised} swapped"
        )

    def s47_before_referral(self, child: Child) -> str | None:
        found = [
            (e, s)
            for e in child.episodes
            if self.in_year(e.referral, 10)
            for s in e.section47s[:1]
            if s.icpc is not None or s.not_required in TRUE_FLAGS
        ]
        pair = self.choose(found)
        if pair is None:
            return None
        episode, s47 = pair
        s47.start = episode.referral - self.rng.randint(1, 5) * DAY
        return f"section 47 start {s47.start} before the referral on {episode.referral}"

    def cpp_end_before_start(self, child: Child) -> str | None:
        plan = self.choose(
            [
                p
                for e in child.episodes
                for p in e.protection_plans
                if p.end and self.in_year(p.start, 10)
            ]
        )
        if plan is None:
            return None
        plan.end = plan.start - self.rng.randint(1, 5) * DAY
        return f"protection plan from {plan.start} given the end date {plan.end}"

    def cpp_start_not_icpc(self, child: Child) -> str | None:
        for episode in child.episodes:
            conferences = {s.icpc for s in episode.section47s} | {episode.icpc}
            for plan in episode.protection_plans:
                if plan.start not in conferences or not self.in_year(plan.start):
                    continue
                moved = self.cal.add(plan.start, self.rng.randint(1, 3))
                later = [d for d in (plan.end, *plan.reviews[:1]) if d is not None]
                if moved > self.period.end or any(day <= moved for day in later):
                    continue
                old, plan.start = plan.start, moved
                return f"protection plan start typed as {moved}; the conference was on {old}"
        return None

    def review_on_cpp_start(self, child: Child) -> str | None:
        plan = self.choose([p for e in child.episodes for p in e.protection_plans if p.reviews])
        if plan is None:
            return None
        old, plan.reviews[0] = plan.reviews[0], plan.start
        return f"first review {old} typed as the plan's start date {plan.start}"

    def icpc_on_weekend(self, child: Child) -> str | None:
        for episode in child.episodes:
            for s47 in episode.section47s:
                if s47.icpc is None or not self.in_year(s47.icpc):
                    continue
                saturday = s47.icpc + (5 - s47.icpc.weekday()) * DAY
                if not self._can_move_conference(episode, s47.icpc, saturday):
                    continue
                for plan in episode.protection_plans:
                    if plan.start == s47.icpc:
                        plan.start = saturday
                old, s47.icpc = s47.icpc, saturday
                return f"conference on {old} typed as Saturday {saturday} (plan moved with it)"
        return None

    def _can_move_conference(self, episode: Episode, old: dt.date, new: dt.date) -> bool:
        """Moving a conference (and its plan) to `new` breaks nothing but the weekend rule."""
        if new > self.period.end or (episode.closure is not None and episode.closure < new):
            return False
        if any(old < s.start <= new for s in episode.section47s):
            return False
        for plan in episode.protection_plans:
            if plan.start == old:
                later = [d for d in (plan.end, *plan.reviews[:1]) if d is not None]
                if any(day <= new for day in later):
                    return False
        return all(not (old < block.start <= new) for block in episode.pre_proceedings)

    def two_open_cpps(self, child: Child) -> str | None:
        # A plan from before the year: 2883 and 2885 count only plans starting in the year.
        open_plans = [(e, p) for e in child.episodes for p in e.protection_plans if not p.end]
        if len(open_plans) != 1 or open_plans[0][1].start >= self.period.start:
            return None
        episode, plan = open_plans[0]
        copy = ProtectionPlan(
            plan.start, None, plan.initial_category, plan.latest_category, plan.previous
        )
        episode.protection_plans.append(copy)
        return f"protection plan from {plan.start} entered twice, both open"

    def overlapping_episodes(self, child: Child) -> str | None:
        for before, after in zip(child.episodes, child.episodes[1:], strict=False):
            if before.closure is None:
                continue
            room = (before.closure - before.referral).days - 1
            if room < 1:
                continue
            referral = before.closure - self.rng.randint(1, min(room, 10)) * DAY
            if not self.in_year(referral):
                continue
            old, after.referral = after.referral, referral
            return f"referral {old} typed as {referral}, before the last episode closed"
        return None

    def bad_upn_check_letter(self, child: Child) -> str | None:
        if child.upn is None:
            return None
        letter = self.choose([c for c in CHECK_LETTERS if c != child.upn[0]])
        old, child.upn = child.upn, letter + child.upn[1:]
        return f"UPN {old} typed as {child.upn}"

    def duplicate_lachildid(self, child: Child) -> str | None:
        # Two NFA-only children: one NFA referral here, closed that day, with a UPN and no
        # disability record, so that when the children's rows are joined by ID only 8510 fires.
        if (
            len(child.episodes) != 1
            or not child.episodes[0].is_nfa
            or child.episodes[0].closure != child.episodes[0].referral
            or child.upn is None
            or child.birth is None
            or child.disabilities is not None
        ):
            return None
        day = child.episodes[0].referral
        for other in self.order:
            if other is child or id(other) in self.taken or not self._can_share(child, other, day):
                continue
            self.taken.add(id(other))
            old, child.id = child.id, other.id
            return f"LAchildID {old} typed as {other.id}, another child's"
        return None

    @staticmethod
    def _can_share(child: Child, other: Child, day: dt.date) -> bool:
        if other.birth is None or other.death is not None or child.death is not None:
            return False
        # Episodes are keyed by LAchildID and their position in the child, so the two children's
        # first episodes share a key: the other child must have no assessments, plans or
        # enquiries that could join onto this one's referral. NFA referrals have none.
        if not all(e.is_nfa for e in other.episodes):
            return False
        if other.upn is not None and other.upn == child.upn:
            return False
        # 8606 across the two: every referral within 40 weeks before either birth.
        if day < other.birth - 280 * DAY:
            return False
        if any(e.referral < child.birth - 280 * DAY for e in other.episodes):
            return False
        # 8815, 8816, 8820: the other child's episodes all end before, or begin after, this one.
        return all(
            (e.closure is not None and e.closure < day) or e.referral > day for e in other.episodes
        )

    def invalid_ethnicity(self, child: Child) -> str | None:
        if not child.ethnicity:
            return None
        old, child.ethnicity = child.ethnicity, self.choose(["WHIT", "WBR", "BRIT", "ASIA"])
        return f"ethnicity {old} written as {child.ethnicity!r}"

    def disability_none_with_other(self, child: Child) -> str | None:
        if child.disabilities == ["NONE"]:
            child.disabilities = ["NONE", self.choose(["LD", "AUT", "BEH"])]
        elif child.disabilities and "NONE" not in child.disabilities:
            child.disabilities = ["NONE", *child.disabilities]
        else:
            return None
        return f"disabilities {', '.join(child.disabilities)} (NONE with another)"

    def repeated_disability(self, child: Child) -> str | None:
        codes = child.disabilities
        if not codes or codes == ["NONE"]:
            return None
        repeated = self.choose(codes)
        codes.append(repeated)
        return f"disability {repeated} recorded twice"

    def factor_21_with_others(self, child: Child) -> str | None:
        # Only where 8873Q is already content: an RC8/RC9 episode, or several assessments.
        found = [
            a
            for e in child.episodes
            if e.reason in ("RC8", "RC9") or len(e.assessments) > 1
            for a in e.assessments
            if a.factors and "21" not in a.factors
        ]
        assessment = self.choose(found)
        if assessment is None:
            return None
        assessment.factors.append("21")
        return f"factor 21 (no factors) added to {', '.join(assessment.factors[:-1])}"

    def cin_plan_during_cpp(self, child: Child) -> str | None:
        for episode in child.episodes:
            for plan in episode.protection_plans:
                if plan.end is None:
                    continue
                # Between the last review before the end and the end, so that no review falls
                # inside the CIN plan (4003).
                before = [day for day in plan.reviews if day < plan.end]
                low = max([plan.start, *before]) + 3 * DAY
                low = max(low, self.period.start)
                start = self.cal.between(self.rng, low, plan.end - 12 * DAY)
                if start is None:
                    continue
                end = start + self.rng.randint(3, (plan.end - start).days - 2) * DAY
                episode.cin_plans.append(CinPlan(start, end))
                episode.cin_plans.sort(key=lambda p: p.start)
                return f"CIN plan {start} to {end} recorded inside the protection plan"
        return None

    def cin_plan_left_open(self, child: Child) -> str | None:
        for episode in child.episodes:
            cpp = next((p for p in episode.protection_plans if p.end is None), None)
            if cpp is None or cpp.reviews or cpp.start < episode.referral + 20 * DAY:
                continue
            if any(p.end is None for p in episode.cin_plans):
                continue
            before = [p for p in episode.cin_plans if p.end and p.end == cpp.start - DAY]
            if before:
                before[0].end = None
                return f"CIN plan from {before[0].start} not ended when the plan began {cpp.start}"
            if any(p.start >= cpp.start - 10 * DAY or p.end is None for p in episode.cin_plans):
                continue
            latest = max([episode.referral, *(p.end for p in episode.cin_plans if p.end)])
            start = self.cal.between(self.rng, latest + DAY, cpp.start - 10 * DAY)
            if start is None:
                continue
            episode.cin_plans.append(CinPlan(start))
            episode.cin_plans.sort(key=lambda p: p.start)
            return f"CIN plan from {start} left open under the protection plan from {cpp.start}"
        return None

    def activity_after_closure(self, child: Child) -> str | None:
        if child.death is not None:
            return None  # a plan ending after the death would also be 4009Q
        for episode in child.episodes:
            if episode.closure is None or episode.is_nfa:
                continue
            later = episode.closure + self.rng.randint(1, 10) * DAY
            if later > self.period.end:
                continue
            # Only the plan or assessment that ended last, so nothing else comes to overlap it.
            cpp_ends = [p.end for p in episode.protection_plans if p.end is not None]
            ended = [p for p in episode.cin_plans if p.end is not None]
            if ended:
                plan = max(ended, key=lambda p: p.end or p.start)
                if all(plan.start > end for end in cpp_ends):
                    plan.end = later
                    return f"CIN plan end {later} after the closure on {episode.closure}"
                continue
            done = [a for a in episode.assessments if a.authorised is not None]
            if done and done[-1] is episode.assessments[-1]:
                done[-1].authorised = later
                return f"assessment authorised {later} after the closure on {episode.closure}"
        return None

    def nfa_with_assessment(self, child: Child) -> str | None:
        for episode in child.episodes:
            if (
                episode.reason in ("RC8", "RC9")
                and episode.assessments
                and self.in_year(episode.referral, 5)
                and not episode.is_nfa
            ):
                episode.nfa = "true" if episode.nfa == "false" else "1"
                return f"assessed referral of {episode.referral} flagged NFA"
        return None

    def referral_nfa_yes_no(self, child: Child) -> str | None:
        # In-year referrals only: 8569Q queries any flag but false/0 before the year. Only
        # referrals that went further, which have everything a "No" could be read to need.
        episode = self.choose(
            [e for e in child.episodes if self.in_year(e.referral) and e.nfa in FALSE_FLAGS]
        )
        if episode is None:
            return None
        old, episode.nfa = episode.nfa, "No"
        return f"ReferralNFA {old} written as 'No'"

    def unborn_wrong_sex(self, child: Child) -> str | None:
        if not child.unborn:
            return None
        old, child.sex = child.sex, self.choose([self.codes.male, self.codes.female])
        return f"unborn child's {self.codes.sex_element} {old} recorded as {child.sex}"

    def missing_previous_cpps(self, child: Child) -> str | None:
        plan = self.choose([p for e in child.episodes for p in e.protection_plans])
        if plan is None:
            return None
        plan.previous = None
        return f"number of previous plans left out of the plan from {plan.start}"

    def invalid_abuse_category(self, child: Child) -> str | None:
        plan = self.choose([p for e in child.episodes for p in e.protection_plans])
        if plan is None:
            return None
        old, plan.initial_category = plan.initial_category, self.choose(["NEGL", "SEX", "PHYS"])
        return f"initial category {old} written as {plan.initial_category!r}"

    def icpc_recorded_twice(self, child: Child) -> str | None:
        for episode in child.episodes:
            held = [s.icpc for s in episode.section47s if s.icpc is not None]
            if held and episode.icpc is None:
                episode.icpc = held[0]
                return f"conference on {held[0]} recorded on the section 47 and the episode"
        return None

    def lachildid_punctuation(self, child: Child) -> str | None:
        old = child.id
        child.id = f"{old[:3]}-{old[3:]}"
        return f"LAchildID {old} exported as {child.id}"


KINDS: dict[str, Kind] = {
    "missing_referral_source": Kind(9, ("8866",), Injector.missing_referral_source),
    "invalid_primary_need": Kind(6, ("8650",), Injector.invalid_primary_need),
    "missing_primary_need": Kind(6, ("8610",), Injector.missing_primary_need),
    "closure_without_reason": Kind(8, ("8805",), Injector.closure_without_reason),
    "reason_without_closure": Kind(6, ("8810",), Injector.reason_without_closure),
    "closure_before_referral": Kind(4, ("8630",), Injector.closure_before_referral),
    "invalid_ethnicity": Kind(6, ("4220",), Injector.invalid_ethnicity),
    "bad_upn_check_letter": Kind(6, ("1510",), Injector.bad_upn_check_letter),
    "duplicate_lachildid": Kind(3, ("8510",), Injector.duplicate_lachildid),
    "lachildid_punctuation": Kind(3, ("1580",), Injector.lachildid_punctuation, 2024),
    "assessment_before_referral": Kind(5, ("1103",), Injector.assessment_before_referral),
    "assessment_end_before_start": Kind(5, ("8608",), Injector.assessment_end_before_start),
    "s47_before_referral": Kind(3, ("2889",), Injector.s47_before_referral),
    "activity_after_closure": Kind(5, ("8565",), Injector.activity_after_closure),
    "nfa_with_assessment": Kind(4, ("8831",), Injector.nfa_with_assessment),
    "referral_nfa_yes_no": Kind(3, ("8568",), Injector.referral_nfa_yes_no),
    "overlapping_episodes": Kind(4, ("8820",), Injector.overlapping_episodes),
    "cpp_end_before_start": Kind(3, ("8925",), Injector.cpp_end_before_start),
    "cpp_start_not_icpc": Kind(4, ("2885",), Injector.cpp_start_not_icpc),
    "review_on_cpp_start": Kind(3, ("8841",), Injector.review_on_cpp_start),
    "icpc_on_weekend": Kind(3, ("8875",), Injector.icpc_on_weekend),
    "icpc_recorded_twice": Kind(3, ("2884",), Injector.icpc_recorded_twice),
    "two_open_cpps": Kind(2, ("8935", "8940"), Injector.two_open_cpps),
    "missing_previous_cpps": Kind(3, ("8730",), Injector.missing_previous_cpps),
    "invalid_abuse_category": Kind(3, ("8905",), Injector.invalid_abuse_category),
    "cin_plan_during_cpp": Kind(2, ("4016",), Injector.cin_plan_during_cpp),
    "cin_plan_left_open": Kind(2, ("4001", "4017"), Injector.cin_plan_left_open),
    "disability_none_with_other": Kind(4, ("8790",), Injector.disability_none_with_other),
    "repeated_disability": Kind(3, ("8794",), Injector.repeated_disability),
    "factor_21_with_others": Kind(4, ("8869",), Injector.factor_21_with_others),
    "unborn_wrong_sex": Kind(2, ("8750",), Injector.unborn_wrong_sex),
}
