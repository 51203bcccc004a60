"""The pre-proceedings and family group decision-making block (module 5, from 2026-27)."""

# dfe-updates.md §3.2 and §4: a decision to start pre-proceedings, the letter before proceedings
# (offering a family group decision-making meeting), the first pre-proceedings meeting and its
# reviews, a decision to step up or down, and for some children a court application and the
# letter that tells the parents. Every date falls in the year and after the one before it.

from __future__ import annotations

import datetime as dt

from csc_validate.collections.cin.synthetic.codes import PP_OUTCOMES, Picker
from csc_validate.collections.cin.synthetic.records import Episode, PreProceedings
from csc_validate.collections.cin.synthetic.workdays import DAY, WorkCalendar
from csc_validate.periods import Period

COURT = "A"  # see codes.PP_OUTCOMES


def pre_proceedings(
    picker: Picker, cal: WorkCalendar, episode: Episode, period: Period, limit: dt.date
) -> PreProceedings | None:
    """A block begun while the episode's latest plan was running, or None if none fits."""
    rng = picker.rng
    plans = [(p.start, p.end) for p in episode.protection_plans] or [
        (p.start, p.end) for p in episode.cin_plans
    ]
    if not plans:
        return None
    plan_start, plan_end = plans[-1]
    bound = min(episode.closure or limit, limit)
    start = cal.between(
        rng, max(period.start, plan_start + 20 * DAY), min(plan_end or bound, bound - 10 * DAY)
    )
    if start is None:
        return None
    block = PreProceedings(start)
    letter = cal.add(start, rng.randint(2, 10))
    if letter > bound:
        return block
    block.letter_sent = letter
    block.meeting_offered = "1" if rng.random() < 0.85 else "0"
    if block.meeting_offered == "1":
        block.meeting_held = "1" if rng.random() < 0.7 else "0"
    first = cal.add(letter, rng.randint(5, 15))
    if first > bound:
        return block
    block.first_meeting = first
    decision = cal.add(first, rng.randint(30, 90))
    last_review = min(decision, bound)
    block.review_meetings = str(min(4, max(0, (last_review - first).days // 28)))
    if decision > bound:
        return block
    block.step_decision = decision
    block.outcome = picker.pick(PP_OUTCOMES)
    if block.outcome == COURT:
        application = cal.add(decision, rng.randint(2, 20))
        if application <= bound:
            block.court_application = application
            told = cal.add(application, rng.randint(0, 5))
            if told <= bound:
                block.proceedings_letter = told
    return block
