"""What a synthetic child's history is made of, and the date helpers the generator shares."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from csc_validate.periods import Period

DAY = dt.timedelta(days=1)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` on; 29 February becomes 28 February, as the rules' date offsets do."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age(dob: dt.date, day: dt.date) -> float:
    return (day - dob).days / 365.25


def is_boundary(day: dt.date) -> bool:
    """31 March and 1 April: kept free of events so that no rule has to decide an edge."""
    return (day.month, day.day) in ((3, 31), (4, 1))


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def choose(rng: random.Random, weights: dict[str, float], allowed: Iterable[str]) -> str:
    """A weighted pick among the codes a code list allows."""
    allowed = frozenset(allowed)
    return pick(rng, {code: weight for code, weight in weights.items() if code in allowed})


def poisson(rng: random.Random, mean: float) -> int:
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def day_between(
    rng: random.Random, low: dt.date, high: dt.date, avoid: Iterable[dt.date] = (), gap: int = 0
) -> dt.date | None:
    """A random day in low..high, more than `gap` days from each of `avoid`; None if none found."""
    if high < low:
        return None
    avoid = tuple(avoid)
    for _ in range(8):
        day = low + rng.randint(0, (high - low).days) * DAY
        if not is_boundary(day) and all(abs((day - a).days) > gap for a in avoid):
            return day
    return None


@dataclass(frozen=True, slots=True)
class Placement:
    place: str
    provider: str | None
    urn: str | None
    postcode: str | None


@dataclass(slots=True)
class Episode:
    decom: dt.date
    rne: str
    ls: str
    cin: str
    placement: Placement
    home_post: str | None
    dec: dt.date | None  # None: still open after the collection year
    rec: str | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision that the child should be placed for adoption, and its reversal if any."""

    placed: dt.date
    ceased: dt.date | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Adoption:
    date_int: dt.date
    date_match: dt.date
    foster_care: str
    adopters: int
    sex: str
    status: str


@dataclass(frozen=True, slots=True)
class Permanence:
    code: str
    la: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Spell:
    """A time missing or away from placement, or under a deprivation of liberty order."""

    kind: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class SocialWorker:
    worker: str
    start: dt.date
    end: dt.date | None
    reason: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """A care leaver's OC3 answers."""

    in_touch: str
    activity: str
    accommodation: str


@dataclass(slots=True)
class Child:
    id: str
    sex: str  # "M" or "F": each year writes the code its own list uses
    dob: dt.date
    ethnic: str
    upn: str
    uasc: bool = False
    home_post: str | None = None
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[dt.date] = field(default_factory=list)
    missing: list[Spell] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    adoption: Adoption | None = None
    permanence: dict[dt.date, Permanence] = field(default_factory=dict)
    social_workers: list[SocialWorker] = field(default_factory=list)
    dolo: list[Spell] = field(default_factory=list)
    leaver: Outcome | None = None
    mc_dob: dt.date | None = None

    def periods(self) -> list[list[Episode]]:
        """The episodes split into periods of care, each starting with RNE S."""
        periods: list[list[Episode]] = []
        for episode in self.episodes:
            if episode.rne == "S" or not periods:
                periods.append([])
            periods[-1].append(episode)
        return periods


@dataclass(frozen=True)
class Window:
    """The two collection years written out, each with the placement codes it accepts."""

    previous: Period
    current: Period
    previous_places: frozenset[str]
    current_places: frozenset[str]
    codes: dict[str, tuple[str, ...]]  # the current year's code lists and groups

    @property
    def horizon(self) -> dt.date:
        """The first day after the current year: nothing from then on is written."""
        return self.current.end + DAY

    def places_between(self, start: dt.date, end: dt.date) -> frozenset[str]:
        """Placement codes valid in every written year that the days start..end touch."""
        allowed = self.previous_places | self.current_places
        for period, places in (
            (self.previous, self.previous_places),
            (self.current, self.current_places),
        ):
            if start <= period.end and end >= period.start:
                allowed &= places
        return allowed
