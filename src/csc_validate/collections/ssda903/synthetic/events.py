"""What follows from a care history: reviews, missing spells, social workers, permanence,
motherhood, deprivation of liberty orders and care leavers' outcomes."""

from __future__ import annotations

import random

from csc_validate.collections.ssda903.synthetic.geography import council
from csc_validate.collections.ssda903.synthetic.records import (
    DAY,
    Child,
    Outcome,
    Permanence,
    SocialWorker,
    Spell,
    Window,
    add_years,
    age,
    choose,
    day_between,
    is_boundary,
    pick,
    poisson,
)

SOCIAL_WORKER_CHANGES = {
    "LEFTRL": 35,
    "MANAGE": 15,
    "TSPROC": 20,
    "ORGRST": 8,
    "CHCHAN": 8,
    "PCCHAN": 6,
    "ABSENC": 5,
    "OTHERS": 3,
}
# A few DfE LA numbers from rule 633's list, for permanence arranged by another LA.
LA_PERM_CODES = ("800", "889", "822", "301", "304", "303", "330", "825", "837", "302", "846")
PERMANENCE = {"Z1": 88, "P2": 5, "P3": 3, "P1": 2, "P4": 2}
ACTIVITY = {"F2": 25, "F4": 15, "P4": 8, "F1": 8, "P2": 5, "G4": 6, "G5": 25, "G6": 5, "F5": 2}
ACCOMMODATION = {
    "U1": 25,
    "D1": 20,
    "E1": 10,
    "B1": 15,
    "K1": 5,
    "Y1": 5,
    "V2": 3,
    "W2": 2,
    "X2": 2,
    "C1": 3,
    "T1": 5,
}
IN_TOUCH = {"YES": 86, "NO": 5, "REFU": 4, "NREQ": 2, "RHOM": 3}
UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(body: str) -> str:
    """DfE's UPN check letter: characters 2-13 weighted 2-13, summed, modulo 23."""
    return UPN_CHECK_LETTERS[sum(int(c) * w for w, c in zip(range(2, 14), body, strict=True)) % 23]


class Events:
    """Adds to a child with a care history the records that DfE collects about it."""

    def __init__(self, rng: random.Random, window: Window, population: int) -> None:
        self.rng = rng
        self.window = window
        self.respite = frozenset(window.codes["LS_RESPITE"])
        self.temporary = frozenset(window.codes["PLACE_TEMPORARY"])
        self.la_number = int(council().dfe_code)
        self.upns: set[str] = set()
        workers = rng.sample(range(1, 999_999), max(8, population // 12))
        self.workers = [f"SW{number:06d}" for number in workers]

    def add(self, child: Child, deprivation_of_liberty: bool) -> None:
        rng = self.rng
        child.upn = "UN2" if child.uasc else "UN5" if rng.random() < 0.01 else self.upn(child)
        self.reviews(child)
        self.missing(child)
        self.social_workers(child)
        self.permanence(child)
        self.mother(child)
        if deprivation_of_liberty:
            self.deprivation_of_liberty(child)

    def upn(self, child: Child) -> str:
        """A valid, unique UPN (rules 168, 444): LA number, school, year of entry, serial."""
        rng = self.rng
        while True:
            la = self.la_number if rng.random() < 0.8 else rng.randint(201, 938)
            school, serial = rng.randint(2000, 7999), rng.randint(0, 999)
            body = f"{la:03d}{school:04d}{(child.dob.year + 5) % 100:02d}{serial:03d}"
            upn = upn_check_letter(body) + body
            if upn not in self.upns:
                self.upns.add(upn)
                return upn

    def reviews(self, child: Child) -> None:
        """Reviews 20 working days after entry, 3 months later, then every 6 months."""
        rng, previous, current = self.rng, self.window.previous, self.window.current
        fourth = add_years(child.dob, 4)
        for period in child.periods():
            if period[0].ls in self.respite:
                continue  # rule 399: no reviews for short breaks
            end = period[-1].dec or self.window.horizon
            day = period[0].decom + rng.randint(15, 27) * DAY
            gap = rng.randint(80, 92)
            while day < end - 2 * DAY and day <= current.end:
                # Rules 440, 441: PN0 before the 4th birthday; keep reviews off that day.
                if day >= previous.start and abs((day - fourth).days) > 2 and not is_boundary(day):
                    child.reviews.append(day)
                day += gap * DAY
                gap = rng.randint(170, 182)

    def missing(self, child: Child) -> None:
        """Spells missing or away, for teenagers: each inside one episode and one year."""
        rng, spells = self.rng, []
        for year in (self.window.previous, self.window.current):
            eligible = [
                e
                for e in child.episodes
                if e.ls not in self.respite
                and e.placement.place not in self.temporary
                and e.decom <= year.end
                and (e.dec is None or e.dec >= year.start)
            ]
            if not eligible or age(child.dob, year.end) < 11.5:
                continue
            homes = any(e.placement.place in ("K1", "K2", "K3") for e in eligible)
            if rng.random() > (0.25 if homes else 0.1):
                continue
            wanted = 1 + poisson(rng, 1.2)
            for _ in range(wanted * 4):
                if sum(spell.start >= year.start for spell in spells) >= wanted:
                    break
                episode = rng.choice(eligible)
                low = max(episode.decom + 2 * DAY, year.start + DAY, add_years(child.dob, 11))
                high = min((episode.dec or self.window.horizon) - 4 * DAY, year.end - 2 * DAY)
                start = day_between(rng, low, high)
                if start is None:
                    continue
                end = min(start + rng.randint(0, 3) * DAY, high)
                # Rule 574: no overlaps, so a day's gap on either side.
                if all(end < s.start - DAY or start > (s.end or s.start) + DAY for s in spells):
                    spells.append(Spell(pick(rng, {"M": 75, "A": 25}), start, end))
        last = child.episodes[-1] if child.episodes else None
        current = self.window.current
        if spells and last and last.dec is None and rng.random() < 0.08:
            # Still missing on 31 March: only ever from the placement still open (rules 575, 577).
            latest = max(spell.end or spell.start for spell in spells)
            low = max(last.decom, current.end - 6 * DAY, latest) + 2 * DAY
            start = day_between(rng, low, current.end - DAY)
            if start is not None:
                spells.append(Spell(pick(rng, {"M": 75, "A": 25}), start, None))
        child.missing = sorted(spells, key=lambda spell: spell.start)

    def social_workers(self, child: Child) -> None:
        """A chain of social workers from first contact on, the last one still allocated."""
        rng, previous, current = self.rng, self.window.previous, self.window.current
        in_care = [e for e in child.episodes if e.ls not in self.respite]
        if not in_care:
            return
        lead = 0 if rng.random() < 0.4 else rng.randint(10, 300)
        # Only the reporting periods are written, so the chain need start no earlier.
        earliest = previous.start - (900 + rng.randint(0, 200)) * DAY
        day = max(in_care[0].decom - lead * DAY, child.dob, earliest)
        day += DAY * is_boundary(day)
        reason = "FCONTA"  # first contact: rule SW10STG2 lets it start on any day
        worker = rng.choice(self.workers)
        while True:
            change = day + rng.randint(120, 540) * DAY
            for year in (previous, current):  # rule SW11bSTG2: no change in a year's last days
                if year.end - 12 * DAY <= change <= year.end + 2 * DAY:
                    change = year.end + 3 * DAY
            if change > current.end:
                child.social_workers.append(SocialWorker(worker, day, None, reason))
                return
            child.social_workers.append(SocialWorker(worker, day, change, reason))
            day = change
            reason = choose(rng, SOCIAL_WORKER_CHANGES, self.window.codes["SW_REASON"])
            previous_worker, worker = worker, rng.choice(self.workers)
            while worker == previous_worker:
                worker = rng.choice(self.workers)

    def permanence(self, child: Child) -> None:
        """PREV_PERM for the first period started in each written year (rules 630-635)."""
        rng = self.rng
        for year in (self.window.previous, self.window.current):
            start = next(
                (e for e in child.episodes if e.rne == "S" and year.start <= e.decom <= year.end),
                None,
            )
            if start is None:
                continue
            code = "Z1"
            if start.ls not in self.respite and age(child.dob, start.decom) >= 2:
                code = pick(rng, PERMANENCE)
            if code == "Z1":  # rule 635: nothing else with Z1
                child.permanence[start.decom] = Permanence(code, None, None)
                continue
            day = day_between(rng, child.dob + 365 * DAY, start.decom - 200 * DAY) or (
                child.dob + 365 * DAY
            )
            written = f"{day.day:02d}/{day.month:02d}/{day.year}"
            roll = rng.random()
            # Rule 632: an unknown day or month (ZZ) reads as the latest possible date.
            if roll < 0.25:
                written = "ZZ" + written[2:]
            elif roll < 0.3 and day.year < start.decom.year:
                written = f"ZZ/ZZ/{day.year}"
            # Rule 630: with an order other than Z1, the LA and date are both given.
            child.permanence[start.decom] = Permanence(code, rng.choice(LA_PERM_CODES), written)

    def mother(self, child: Child) -> None:
        """A few girls of 14 or more are mothers; MC_DOB before the latest end (rule 625)."""
        current = self.window.current
        if child.sex != "F" or age(child.dob, current.start) < 14 or self.rng.random() > 0.05:
            return
        in_care = [e for e in child.episodes if e.ls not in self.respite]
        if not any(
            e.decom <= current.end and (e.dec or current.end) >= current.start for e in in_care
        ):
            return
        low = add_years(child.dob, 14) + 30 * DAY
        for year in (current, self.window.previous):  # in whichever year's return shows it
            ended = [e.dec for e in in_care if e.dec and year.start <= e.dec <= year.end]
            high = min(year.end - 3 * DAY, max(ended)) if ended else year.end - 3 * DAY
            child.mc_dob = day_between(self.rng, low, high)
            if child.mc_dob is None or child.mc_dob >= year.start:
                return

    def deprivation_of_liberty(self, child: Child) -> None:
        """Now and then a DoLO, inside one children's home episode (rules 702-710)."""
        rng, current = self.rng, self.window.current
        homes = [
            e
            for e in child.episodes
            if e.placement.place == "K2"
            and e.decom <= current.end
            and (e.dec is None or e.dec >= current.start)
        ]
        if not homes or rng.random() > 0.12:
            return
        home = rng.choice(homes)
        low = max(home.decom, current.start) + 2 * DAY
        high = min((home.dec or self.window.horizon) - 3 * DAY, current.end - 3 * DAY)
        start = day_between(rng, low, high - 14 * DAY)
        if start is None:
            return
        if home.dec is None and rng.random() < 0.5:
            child.dolo.append(Spell("", start, None))  # rule 707: open only while in care
        elif (end := day_between(rng, start + 14 * DAY, high)) is not None:
            child.dolo.append(Spell("", start, end))

    def outcome(self, child: Child, birthday: int) -> Outcome:
        """OC3 for a care leaver whose `birthday`th birthday falls in the current year."""
        rng = self.rng
        last = child.episodes[-1]
        if last.rec in ("E4A", "E13") and rng.random() < 0.4:
            in_touch = "RHOM"
        else:
            in_touch = pick(rng, IN_TOUCH)
        if in_touch != "YES":
            return Outcome(in_touch, "0", "0")  # rules 344, 345
        activity, accommodation = dict(ACTIVITY), dict(ACCOMMODATION)
        if birthday < 19:
            activity.pop("F1")  # higher education is for the older ones
            accommodation.pop("T1")  # rule 347: no foyer under 18
        elif last.rec == "E17":
            accommodation["Z1"] = 120  # staying put; rule 3001 keeps it from 17-year-olds
        return Outcome(in_touch, pick(rng, activity), pick(rng, accommodation))
