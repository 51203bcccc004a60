"""What of a child's history the census for one year reports."""

# An episode is reported if it was open on any day of the year. Of an episode that began before
# the year, only what was still going on or happened in the year is reported: the census rules
# want assessment ends (8696), conferences (8715), plan ends (8930, 4013) and closures (8620)
# inside the year.

from __future__ import annotations

from csc_validate.collections.cin.synthetic.records import TRUE_FLAGS, Episode
from csc_validate.periods import Period


def reported(episodes: list[Episode], period: Period) -> list[Episode]:
    """The episodes open at some point in the year, trimmed to what the year reports."""
    kept = []
    for episode in episodes:
        if episode.referral > period.end:
            continue
        if episode.closure is not None and episode.closure < period.start:
            continue
        if episode.referral < period.start:
            _trim(episode, period)
        kept.append(episode)
    return kept


def _trim(episode: Episode, period: Period) -> None:
    start = period.start
    episode.assessments = [
        a for a in episode.assessments if a.authorised is None or a.authorised >= start
    ]
    episode.section47s = [
        s47
        for s47 in episode.section47s
        if (s47.icpc is not None and s47.icpc >= start)
        or (s47.icpc is None and s47.not_required not in TRUE_FLAGS)
        or s47.start >= start
    ]
    if episode.icpc is not None and episode.icpc < start:
        episode.icpc = None
    episode.cin_plans = [p for p in episode.cin_plans if p.end is None or p.end >= start]
    kept_plans = []
    for plan in episode.protection_plans:
        if plan.end is None or plan.end >= start:
            plan.reviews = [day for day in plan.reviews if day >= start]
            kept_plans.append(plan)
    episode.protection_plans = kept_plans
    if episode.section47s and not episode.assessments:
        # Each enquiry runs beside an assessment signed off no earlier than the enquiry's
        # outcome, so this cannot happen; it would be query 2991Q.
        raise AssertionError(f"section 47 without an assessment, referral {episode.referral}")
