"""Where synthetic children are placed: placement types by age, providers, URNs and postcodes."""

from __future__ import annotations

import datetime as dt
import random

from csc_validate.collections.ssda903.synthetic.geography import Geography
from csc_validate.collections.ssda903.synthetic.records import (
    Child,
    Placement,
    Window,
    age,
    choose,
    pick,
)

PARENTS = "P1"
# Rules 218 and 222: these placements take no Ofsted URN (nor do temporary and "other" Z ones).
NO_URN = frozenset({"P1", "P3", "R1", "R2", "R5"})
# 'XXXXXXX' is the URN DfE expects when a fostering or adoption placement has none to give.
NO_URN_KNOWN = "XXXXXXX"
# Placement mix by age (upper bound in years) at the start of a placement, loosely after DfE's
# "Children looked after in England" statistics: foster care dominates, residential care and
# supported accommodation grow with age. "Z" stands for the year's "other placement" codes.
PLACE_MIX: tuple[tuple[float, dict[str, float]], ...] = (
    (1, {"U6": 40, "U3": 15, "U4": 6, "U5": 6, "U1": 4, "U2": 2, "P1": 6, "R3": 3}),
    (5, {"U6": 35, "U4": 20, "U3": 15, "U1": 9, "U5": 3, "P1": 8}),
    (10, {"U4": 36, "U6": 20, "U3": 10, "U1": 12, "K2": 4, "P1": 8, "S1": 1}),
    (14, {"U4": 36, "U6": 15, "U1": 10, "U3": 8, "K2": 15, "P1": 6, "S1": 2, "K1": 1}),
    (16, {"U4": 30, "U6": 12, "U1": 8, "U3": 6, "K2": 24, "P1": 6, "S1": 2, "K1": 1, "Z": 1}),
    (
        18,
        {
            "U4": 24,
            "U6": 8,
            "U1": 6,
            "U3": 4,
            "K2": 18,
            "K3": 28,
            "P1": 5,
            "Z": 3,
            "R5": 1,
            "P3": 1,
            "S1": 1,
            "R2": 1,
        },
    ),
)
UASC_MIX = ({"U4": 30, "U6": 35, "K2": 20, "U3": 5}, {"K3": 60, "U6": 15, "U4": 10, "K2": 15})
REMAND_MIX = {"K1": 30, "K2": 40, "U6": 20, "R5": 10}
ADOPTION_FOSTER_MIX = {"U6": 50, "U5": 25, "U3": 15, "U4": 10}
TEMPORARY_MIX = {"T0": 25, "T1": 20, "T2": 25, "T3": 20, "T4": 10}
# Youngest age (years) at which each placement is written: rules 371-374 set 16 for K3, 14 for
# P3, 10 for R5 and 4 for S1; the margins keep the data clear of the edges.
MIN_AGE = {"K3": 16, "P3": 14, "R5": 12, "K1": 11, "S1": 5}
FOSTER_PROVIDERS = {"PR1": 55, "PR4": 35, "PR2": 5, "PR5": 5}
ADOPTION_PROVIDERS = {"PR1": 60, "PR2": 20, "PR5": 20}
# Sites that children share (homes, schools, hospitals): how many per 100 children, and who runs
# them. PR3 (other public body) only where rule 529 allows it.
SITE_MIX: dict[str, tuple[float, dict[str, float]]] = {
    "K1": (0.5, {"PR2": 70, "PR4": 20, "PR5": 10}),
    "K2": (5, {"PR4": 75, "PR2": 15, "PR5": 10}),
    "K3": (3, {"PR4": 80, "PR5": 15, "PR2": 5}),
    "S1": (1, {"PR4": 60, "PR5": 30, "PR2": 10}),
    "R1": (1, {"PR4": 70, "PR5": 30}),
    "R2": (0.5, {"PR3": 100}),
    "R3": (0.5, {"PR4": 60, "PR5": 40}),
    "R5": (0.5, {"PR3": 100}),
}
# The council's own homes (PR1), as a share of these sites in its area: rule 1015 flags its own
# provision elsewhere.
OWN_SITES = {"K2": 0.3, "R1": 0.5, "R3": 0.3, "S1": 0.3}


class Placements:
    """The homes, agencies and carers of one synthetic LA, and the choice among them."""

    def __init__(self, rng: random.Random, window: Window, population: int) -> None:
        self.rng = rng
        self.window = window
        self.foster = frozenset(window.codes["PLACE_FOSTER"])
        self.adoptive = frozenset(window.codes["PLACE_ADOPTION"])
        self.temporary = frozenset(window.codes["PLACE_TEMPORARY"])
        self.geography = Geography(rng)
        urns = iter(rng.sample(range(1_000_000, 3_000_000), 40 + population // 5))
        self.sites: dict[str, list[tuple[str, str | None, str]]] = {}
        for place, (per_hundred, providers) in SITE_MIX.items():
            count = max(2, round(per_hundred * population / 100))
            self.sites[place] = []
            for _ in range(count):
                postcode = self.geography.site()
                own = self.geography.in_council(postcode) and rng.random() < OWN_SITES.get(place, 0)
                provider = "PR1" if own else pick(rng, providers)
                urn = None if place in NO_URN else str(next(urns))
                self.sites[place].append((provider, urn, postcode))
        self.agencies = {p: [str(next(urns)) for _ in range(3)] for p in ("PR2", "PR4", "PR5")}

    def choose(
        self,
        child: Child,
        start: dt.date,
        end: dt.date,
        statuses: set[str],
        path: str,
        previous: Placement | None = None,
    ) -> str:
        """A placement type for days start..end, valid in each written year they touch."""
        years = age(child.dob, start)
        allowed = self.window.places_between(start, end)
        if path == "remand":
            mix = REMAND_MIX
        elif path == "uasc":
            mix = UASC_MIX[years >= 16]
        else:
            mix = next(m for limit, m in PLACE_MIX if years < limit)
        candidates: dict[str, float] = {}
        for code, weight in mix.items():
            if code == "Z":
                others = sorted(c for c in allowed if c.startswith("Z"))
                candidates.update({z: weight / len(others) for z in others})
            elif code in allowed and years >= MIN_AGE.get(code, 0):
                candidates[code] = weight
        # Rule 378: never P1 under section 20 (V2). Home again is no move (rules 435, 436).
        if not statuses <= {"C1", "C2"} or (previous and previous.place == PARENTS):
            candidates.pop(PARENTS, None)
        return pick(self.rng, candidates or {"U4": 1})

    def place(
        self, child: Child, place: str, previous: Placement | None, same_carers: bool = False
    ) -> Placement:
        """A new placement of type `place`: never the very one the child has just left."""
        rng = self.rng
        if place in self.sites:
            provider, urn, postcode = rng.choice(
                [
                    site
                    for site in self.sites[place]
                    if previous is None or (site[1], site[2]) != (previous.urn, previous.postcode)
                ]
            )
            return Placement(place, provider, urn, postcode)
        if same_carers and previous:
            postcode = previous.postcode
        else:
            postcode = self.geography.placement(child.home_post, avoid=child.home_post)
        if place == PARENTS:
            return Placement(place, "PR0", None, child.home_post or postcode)
        if place in self.foster or place in self.adoptive:
            mix = FOSTER_PROVIDERS if place in self.foster else ADOPTION_PROVIDERS
            provider = pick(rng, mix)
            if same_carers and previous and previous.provider in mix:
                provider = previous.provider
            urn = NO_URN_KNOWN if provider == "PR1" else rng.choice(self.agencies[provider])
            return Placement(place, provider, urn, postcode)
        if place in self.temporary or place.startswith("Z"):
            return Placement(place, None, None, postcode)  # rules 213 and 526: no provider
        return Placement(place, "PR4", None, postcode)  # P3: residential employment

    def temporary_place(self, child: Child, out: dt.date, back: dt.date) -> Placement:
        allowed = self.window.places_between(out, back) & self.temporary
        if any(e.placement.place == "T3" for e in child.episodes):
            allowed -= {"T3"}  # rule 377: two holiday moves a year at most
        place = choose(self.rng, TEMPORARY_MIX, allowed)
        postcode = self.geography.placement(child.home_post, avoid=child.home_post)
        return Placement(place, None, None, postcode)

    def respite_site(self) -> Placement:
        """Short breaks in a residential care home: R1 takes no URN (rules 214, 222)."""
        provider, _, _ = self.rng.choice(self.sites["R1"])
        return Placement("R1", provider, None, None)
