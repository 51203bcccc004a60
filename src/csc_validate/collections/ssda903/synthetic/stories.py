"""Who the synthetic children are: their ages and the course their time in care takes."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from csc_validate.collections.ssda903.synthetic.care import CareBuilder
from csc_validate.collections.ssda903.synthetic.events import Events
from csc_validate.collections.ssda903.synthetic.placements import Placements
from csc_validate.collections.ssda903.synthetic.records import (
    DAY,
    Child,
    Window,
    add_years,
    age,
    day_between,
    is_boundary,
    pick,
)

# Shares of a year's return, after DfE's "Children looked after in England" statistics.
KINDS = {
    "continuing": 52,  # in care all year
    "left": 14,  # in care on 1 April, left during the year
    "entered": 12,
    "entered_left": 6,
    "returned": 1.5,  # left last year, back this year
    "respite": 1.5,  # short breaks only
    "care_leaver": 12,  # OC3 only: left care last year
}
# Children who left care last year and are not in this year's return, as a share of it.
PREVIOUS_LEAVERS = 0.12
# (youngest, oldest, weight) in years: ages of children in care on 31 March, at entry, on leaving.
AGE_IN_CARE = ((0.3, 1, 3), (1, 5, 14), (5, 10, 17), (10, 16, 38), (16, 17.9, 26))
AGE_AT_ENTRY = ((0, 0.03, 8), (0.03, 1, 12), (1, 5, 13), (5, 10, 15), (10, 16, 37), (16, 17.8, 15))
AGE_AT_LEAVING = ((0.9, 5, 25), (5, 10, 14), (10, 16, 20), (16, 17.9, 13))
ETHNIC_MIX = {
    "WBRI": 65,
    "WIRI": 0.5,
    "WIRT": 0.5,
    "WOTH": 5,
    "WROM": 1,
    "MWBC": 4,
    "MWBA": 1,
    "MWAS": 1.5,
    "MOTH": 3,
    "AIND": 1,
    "APKN": 1,
    "ABAN": 0.5,
    "AOTH": 2,
    "BCRB": 1,
    "BAFR": 3,
    "BOTH": 2,
    "CHNE": 0.2,
    "OOTH": 4,
    "REFU": 0.2,
    "NOBT": 0.5,
}
UASC_ETHNIC = {"AOTH": 35, "BAFR": 30, "OOTH": 20, "MOTH": 5, "WOTH": 5, "BOTH": 5}


class StoryTeller:
    """Makes one child at a time, of a given kind, with every record the return holds for them."""

    def __init__(
        self, rng: random.Random, window: Window, population: int, deprivation_of_liberty: bool
    ) -> None:
        self.rng = rng
        self.window = window
        self.placements = Placements(rng, window, population)
        self.care = CareBuilder(rng, window, self.placements)
        self.events = Events(rng, window, population)
        self.deprivation_of_liberty = deprivation_of_liberty

    def child(self, kind: str, child_id: str) -> Child:
        """A child of one of the KINDS, or "previous_leaver"."""
        rng = self.rng
        uasc = kind in ("continuing", "left", "entered", "care_leaver") and rng.random() < 0.06
        male = rng.random() < (0.93 if uasc else 0.56)
        ethnic = pick(rng, UASC_ETHNIC if uasc else ETHNIC_MIX)
        child = Child(child_id, "M" if male else "F", dt.date(2000, 1, 1), ethnic, "", uasc)
        if not uasc:  # rule 406: no home postcode, so no distance, for UASC
            child.home_post = self.placements.geography.home()
        getattr(self, f"_{kind}")(child)
        child.episodes.sort(key=lambda e: e.decom)
        self.events.add(child, self.deprivation_of_liberty)
        return child

    # -- helpers ---------------------------------------------------------------------------------

    def _dob(self, day: dt.date, years: float) -> dt.date:
        """Born `years` before `day`, never on 29 February, 31 March or 1 April."""
        dob = day - round(years * 365.25) * DAY
        while (dob.month, dob.day) in ((2, 29), (3, 31), (4, 1)):
            dob -= DAY
        return dob

    def _dob_with_birthday(self, years: int, low: dt.date, high: dt.date) -> dt.date:
        """A date of birth whose `years`th birthday falls in low..high."""
        return self._dob(self._day(low, high), years)

    def _years(self, bands: tuple[tuple[float, float, float], ...]) -> float:
        low, high, _ = self.rng.choices(bands, [band[2] for band in bands])[0]
        return self.rng.uniform(low, high)

    def _day(self, low: dt.date, high: dt.date) -> dt.date:
        day = low + self.rng.randint(0, max(0, (high - low).days)) * DAY
        return day + 2 * DAY * is_boundary(day)

    def _start(self, end: dt.date, shortest: int, longest: int, mean: float) -> dt.date:
        """A start of care some days before `end`: exponential around `mean`, within limits."""
        days = max(shortest, min(round(self.rng.expovariate(1 / mean)), longest))
        start = end - days * DAY
        return start - DAY * is_boundary(start)

    # -- kinds of story --------------------------------------------------------------------------

    def _continuing(self, child: Child) -> None:
        rng, care, current = self.rng, self.care, self.window.current
        if child.uasc:
            child.dob = self._dob(current.end, rng.uniform(15.3, 17.9))
            start = self._day(add_years(child.dob, 14), current.start - 20 * DAY)
            care.standard(child, start, None, "", "uasc")
            return
        child.dob = self._dob(current.end, self._years(AGE_IN_CARE))
        longest = (current.start - child.dob).days - 3
        start = self._start(current.start, min(20, longest), longest, 800)
        if age(child.dob, start) < 3 and rng.random() < 0.3:
            offsets = care.adoption_offsets()
            # Somewhere along the route on 31 March.
            wanted = current.end - round(offsets[-1] * rng.uniform(0.25, 0.9)) * DAY
            start = max(child.dob + 3 * DAY, min(start, wanted))
            care.adoption(child, start + DAY * is_boundary(start), None, offsets)
        else:
            care.standard(child, start, None, "", "standard")

    def _left(self, child: Child) -> None:
        rng, care, current = self.rng, self.care, self.window.current
        if child.uasc or rng.random() < 0.28:
            child.dob = self._dob_with_birthday(18, current.start + 3 * DAY, current.end - 3 * DAY)
            end = add_years(child.dob, 18)
            if child.uasc:
                start = self._day(add_years(child.dob, 14), current.start - 20 * DAY)
                care.standard(child, start, end, "eighteen", "uasc")
            else:
                start = self._start(end, (end - current.start).days + 20, 6000, 1100)
                care.standard(child, start, end, "eighteen", "standard")
            return
        years = self._years(AGE_AT_LEAVING)
        end = self._day(current.start + 3 * DAY, current.end - 3 * DAY)
        child.dob = self._dob(end, years)
        if years < 5:
            ending = pick(rng, {"adoption": 50, "home": 25, "order": 25})
        elif years < 16:
            ending = pick(rng, {"home": 55, "order": 25, "other": 15, "remand": 5})
        else:
            ending = pick(rng, {"home": 40, "independent": 25, "order": 10, "other": 25})
        self._ended_period(child, end, ending, (end - current.start).days + 20)

    def _ended_period(self, child: Child, end: dt.date, ending: str, shortest: int) -> None:
        care = self.care
        longest = (end - child.dob).days - 3
        if ending == "adoption":
            offsets = care.adoption_offsets()
            if offsets[-1] > longest - 60:  # a baby: the same steps, closer together
                factor = (longest - 60) / offsets[-1]
                steps = [b - a for a, b in itertools.pairwise([0, *offsets])]
                offsets = list(itertools.accumulate(max(8, round(s * factor)) for s in steps))
            start = end - offsets[-1] * DAY
            care.adoption(child, start - DAY * is_boundary(start), end, offsets)
        elif ending == "remand" and age(child.dob, end) >= 12:
            care.standard(child, end - self.rng.randint(20, 120) * DAY, end, "remand", "remand")
        else:
            ending = "other" if ending == "remand" else ending
            start = self._start(end, min(shortest, longest), longest, 650)
            care.standard(child, start, end, ending, "standard")

    def _entered(self, child: Child) -> None:
        rng, care, current = self.rng, self.care, self.window.current
        start = self._day(current.start + 3 * DAY, current.end - 7 * DAY)
        oldest = 17.9 - (current.end - start).days / 365.25  # still under 18 on 31 March
        if child.uasc:
            child.dob = self._dob(start, rng.uniform(14, oldest))
            care.standard(child, start, None, "", "uasc")
            return
        years = min(self._years(AGE_AT_ENTRY), oldest)
        child.dob = self._dob(start, years if years > 0.03 else rng.randint(1, 10) / 365.25)
        if years < 2 and rng.random() < 0.3:
            care.adoption(child, start, None, care.adoption_offsets())
        elif years >= 11 and rng.random() < 0.04:
            care.standard(child, start, None, "", "remand")
        else:
            care.standard(child, start, None, "", "standard")

    def _entered_left(self, child: Child) -> None:
        rng, care, current = self.rng, self.care, self.window.current
        start = self._day(current.start + 3 * DAY, current.end - 40 * DAY)
        years = self._years(AGE_AT_ENTRY)
        child.dob = self._dob(start, max(years, 0.05))
        if rng.random() < 0.12:
            days = next(d for d in (rng.randint(1, 3), 1, 2, 3) if not is_boundary(start + d * DAY))
            care.emergency(child, start, days)
            return
        if years >= 11 and rng.random() < 0.1:
            end = min(start + rng.randint(20, 120) * DAY, current.end - 3 * DAY)
            care.standard(child, start, end - DAY * is_boundary(end), "remand", "remand")
            return
        stay = rng.randint(7, 30) if rng.random() < 0.3 else rng.randint(30, 220)
        end = min(start + stay * DAY, current.end - 3 * DAY)
        end -= DAY * is_boundary(end)
        eighteen = add_years(child.dob, 18)
        if start + 15 * DAY < eighteen <= end:
            care.standard(child, start, eighteen, "eighteen", "standard")
            return
        weights = {"home": 65.0, "other": 15.0}
        if stay > 90:
            weights["order"] = 10
        if years >= 16:
            weights["independent"] = 10
        care.standard(child, start, end, pick(rng, weights), "standard")

    def _returned(self, child: Child) -> None:
        rng, care = self.rng, self.care
        previous, current = self.window.previous, self.window.current
        child.dob = self._dob(current.end, rng.uniform(6, 16))
        first_end = self._day(previous.start + 30 * DAY, previous.end - 60 * DAY)
        care.standard(child, self._start(first_end, 60, 700, 300), first_end, "home", "standard")
        start = self._day(
            max(first_end + 60 * DAY, current.start + 3 * DAY), current.end - 20 * DAY
        )
        end = None if rng.random() < 0.7 else self._day(start + 20 * DAY, current.end - 3 * DAY)
        care.standard(child, start, end, "home", "standard")

    def _respite(self, child: Child) -> None:
        rng = self.rng
        previous, current = self.window.previous, self.window.current
        child.dob = self._dob(current.end, rng.uniform(5, 16.5))
        child.home_post = None  # rule 398: no postcodes for short breaks
        site = self.placements.respite_site()
        agreements = rng.random() < 0.25  # rule 426: one way of recording for a child, V3 or V4
        for year in (previous, current) if rng.random() < 0.7 else (current,):
            if agreements:
                start = self._day(year.start + 3 * DAY, year.end - 100 * DAY)
                end = self._day(start + 60 * DAY, min(start + 300 * DAY, year.end - 3 * DAY))
                self.care.respite(child, start, end, site, "V4")
                continue
            starts: list[dt.date] = []
            for _ in range(rng.randint(2, 6)):
                day = day_between(rng, year.start + 3 * DAY, year.end - 8 * DAY, starts, 10)
                if day is not None:
                    starts.append(day)
            for day in sorted(starts):
                end = day + rng.randint(1, 3) * DAY  # rule 365: 17 days at most
                self.care.respite(child, day, end + DAY * is_boundary(end), site)

    def _care_leaver(self, child: Child) -> None:
        """Left care last year on or after the 16th birthday, with OC3 this year (rules 391,
        1001, 1016): the 19th birthday this year having left at 18, or the 17th or 18th having
        left before."""
        rng, care = self.rng, self.care
        previous, current = self.window.previous, self.window.current
        birthday = 19 if child.uasc else int(pick(rng, {"19": 60, "18": 25, "17": 15}))
        if birthday == 19:
            child.dob = self._dob_with_birthday(
                18, previous.start + 120 * DAY, previous.end - 3 * DAY
            )
            end, ending = add_years(child.dob, 18), "eighteen"
        elif birthday == 18:
            child.dob = self._dob_with_birthday(18, current.start + 3 * DAY, current.end - 3 * DAY)
            eighteen = add_years(child.dob, 18)
            end = self._day(
                max(previous.start + 120 * DAY, eighteen - 480 * DAY),
                min(previous.end - 3 * DAY, eighteen - 25 * DAY),
            )
            ending = "leaver"
        else:
            child.dob = self._dob_with_birthday(17, current.start + 3 * DAY, current.end - 30 * DAY)
            sixteen = add_years(child.dob, 16)
            end = self._day(
                max(previous.start + 120 * DAY, sixteen + 20 * DAY), previous.end - 3 * DAY
            )
            ending = "leaver"
        # In care for at least 13 weeks after the 14th birthday, within last year (rule 1001).
        shortest = (end - previous.start).days + 20
        if child.uasc:
            start = self._day(add_years(child.dob, 14), end - shortest * DAY)
            care.standard(child, start, end, ending, "uasc")
        else:
            start = self._start(end, shortest, (end - child.dob).days - 730, 1100)
            care.standard(child, start, end, ending, "standard")
        child.leaver = self.events.outcome(child, birthday)

    def _previous_leaver(self, child: Child) -> None:
        rng, previous = self.rng, self.window.previous
        end = self._day(previous.start + 3 * DAY, previous.end - 3 * DAY)
        years = self._years(((0.9, 5, 45), (5, 10, 30), (10, 14.5, 25)))
        child.dob = self._dob(end, years)
        if years < 5:
            ending = pick(rng, {"adoption": 45, "home": 30, "order": 25})
        else:
            ending = pick(rng, {"home": 60, "order": 25, "other": 15})
        self._ended_period(child, end, ending, 20)
