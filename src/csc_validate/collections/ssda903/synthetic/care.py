"""Periods of care for synthetic children: legal statuses, moves and the episodes they make."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from csc_validate.collections.ssda903.synthetic.placements import ADOPTION_FOSTER_MIX, Placements
from csc_validate.collections.ssda903.synthetic.records import (
    DAY,
    Adoption,
    Child,
    Decision,
    Episode,
    Placement,
    Window,
    age,
    choose,
    day_between,
    is_boundary,
    pick,
    poisson,
)
from csc_validate.periods import FINANCIAL_YEAR

EMERGENCY = ("L1", "L2")
MOVES = ("P", "B", "T", "U")
REASONS = {
    "CARPL": 35,
    "CREQB": 15,
    "CREQO": 10,
    "CHILD": 8,
    "LAREQ": 8,
    "STAND": 4,
    "ALLEG": 3,
    "CLOSE": 4,
    "APPRR": 2,
    "OTHER": 8,
}
# How a period of care ends, by the kind of ending. Age limits: rules 386, 387, 389, 407, 460.
ENDINGS: dict[str, dict[str, float]] = {
    "home": {"E4A": 55, "E13": 30, "E4B": 15},
    "independent": {"E5": 60, "E6": 40},
    "other": {"E8": 55, "E3": 30, "E9": 10, "E2": 1},
    "remand": {"E14": 70, "E9": 30},
    # Care leavers are never adopted, dead or moved to another LA (rules 1000, 1001, 1011).
    "leaver": {"E4A": 30, "E13": 20, "E5": 25, "E6": 10, "E8": 15},
    # On the 18th birthday (rule 460: E17 from then on), by where the young person lives.
    "eighteen foster": {"E17": 55, "E8": 35, "E5": 10},
    "eighteen K3": {"E5": 45, "E6": 20, "E8": 35},
    "eighteen": {"E8": 60, "E5": 25, "E6": 10, "E7": 5},
    # Rule 516: special guardianship (E45, E46) only from foster care.
    "order foster": {"E45": 35, "E46": 12, "E47": 10, "E48": 28, "E41": 15},
    "order": {"E48": 60, "E41": 40},
}
MIN_END_AGE = {"E5": 14, "E6": 14, "E7": 16, "E9": 12}
NEEDS = {"N1": 64, "N2": 3, "N3": 3, "N4": 8, "N5": 14, "N6": 2, "N8": 6}
# Days from one step of the adoption route to the next: care order, decision to place for
# adoption, placement order, match, placement with the adopters, adoption order.
ADOPTION_STEPS = ((100, 300), (20, 200), (30, 150), (30, 250), (7, 60), (70, 300))


@dataclass(frozen=True, slots=True)
class _Piece:
    """From `start`, the child is at `placement` (a new one unless it is the same object)."""

    start: dt.date
    placement: Placement
    reason: str | None = None  # why the previous placement ended
    same_carers: bool = False  # a new placement type with the same carers (RNE T or U)


class CareBuilder:
    """Builds periods of care, episode by episode, that keep the DfE rules on episodes."""

    def __init__(self, rng: random.Random, window: Window, placements: Placements) -> None:
        self.rng = rng
        self.window = window
        self.placements = placements

    def standard(
        self, child: Child, start: dt.date, end: dt.date | None, ending: str, path: str
    ) -> None:
        """A period of care from `start` to `end` (None: open), ended the `ending` way.

        `path` is "standard", "uasc" (section 20 throughout) or "remand" (J1, one placement).
        """
        horizon = end or self.window.horizon
        statuses = self._legal_statuses(child, start, horizon, path)
        settled = statuses[1][0] if statuses[0][1] in EMERGENCY and len(statuses) > 1 else start
        moves = [] if path == "remand" else self._moves(child, settled, horizon, statuses)
        pieces: list[_Piece] = []
        previous: Placement | None = None
        for low, high in zip([start, *moves], [*moves, horizon], strict=True):
            during = {
                ls
                for i, (day, ls) in enumerate(statuses)
                if day < high and (i + 1 == len(statuses) or statuses[i + 1][0] > low)
            }
            place = self.placements.choose(child, low, high, during, path, previous)
            placement = self.placements.place(child, place, previous)
            reason = None if previous is None else self._move_reason(child, low, place)
            pieces.append(_Piece(low, placement, reason))
            if path != "remand":
                pieces.extend(self._temporary_move(child, low, high, statuses, placement))
            previous = placement
        if path == "standard":
            self._maybe_reversed_decision(child, start, horizon, statuses, end)
        rec = self._ending(child, ending, pieces[-1].placement, end) if end else None
        self._chain(child, statuses, pieces, end, rec, self._need(path))

    def emergency(self, child: Child, start: dt.date, days: int) -> None:
        """A few days under police protection, then home: one episode (rule 361)."""
        end = start + days * DAY
        place = self.placements.choose(child, start, end, {"L1"}, "standard")
        placement = self.placements.place(child, place, None)
        rec = pick(self.rng, {"E4A": 60, "E13": 40})
        self._chain(child, [(start, "L1")], [_Piece(start, placement)], end, rec, self._need(""))

    def respite(
        self, child: Child, start: dt.date, end: dt.date, site: Placement, ls: str = "V3"
    ) -> None:
        """Short breaks as a period of their own: one break under V3 (rule 366), or the whole
        agreement under V4; no postcodes or URN (rules 214, 398)."""
        child.episodes.append(Episode(start, "S", ls, "N2", site, None, end, "E4A"))

    def adoption_offsets(self) -> list[int]:
        """Days from entering care to each step of the adoption route (ADOPTION_STEPS)."""
        total, offsets = 0, []
        for low, high in ADOPTION_STEPS:
            total += self.rng.randint(low, high)
            offsets.append(total)
        return offsets

    def adoption(
        self, child: Child, start: dt.date, end: dt.date | None, offsets: list[int]
    ) -> None:
        """The adoption route from `start`, adopted at `end` (None: not adopted by the horizon).

        Steps after the horizon do not happen; with `end`, the last offset lands on it.
        """
        rng, places = self.rng, self.placements
        horizon = end or self.window.horizon
        days = [start + offset * DAY for offset in offsets]
        care_order, decision, placement_order, match, placed = (
            day + DAY if is_boundary(day) else day for day in days[:5]
        )
        statuses = [(start, "C1")] + [
            (day, ls)
            for day, ls in ((care_order, "C2"), (placement_order, "E1"))
            if day < horizon - 3 * DAY
        ]
        foster = places.place(child, pick(rng, ADOPTION_FOSTER_MIX), None)
        pieces = [_Piece(start, foster)]
        before = min(placement_order, horizon) - 15 * DAY
        move = day_between(rng, start + 20 * DAY, before, [day for day, _ in statuses], 5)
        if move is not None and rng.random() < 0.3:
            foster = places.place(child, pick(rng, {"U6": 50, "U5": 30, "U4": 20}), foster)
            pieces.append(_Piece(move, foster, pick(rng, REASONS)))
        same_carers = foster.place in ("U5", "U2")  # foster carers who are approved adopters
        if placed < horizon - 3 * DAY:
            # Rules 217 and 408: with the foster carers (A5, RNE T) or new carers (A6, RNE P).
            adoptive = places.place(child, "A5" if same_carers else "A6", foster, same_carers)
            reason = "PLACE" if same_carers else "CARPL"
            pieces.append(_Piece(placed, adoptive, reason, same_carers))
        if decision < horizon - DAY:
            child.decisions.append(Decision(decision))
        rec = None
        if end is not None:
            rec = pick(rng, {"E11": 70, "E12": 30})
            child.adoption = self._adopters(decision, match, same_carers)
        self._chain(child, statuses, pieces, end, rec, pick(rng, {"N1": 85, "N5": 15}))

    def _adopters(self, decision: dt.date, match: dt.date, same_carers: bool) -> Adoption:
        rng = self.rng
        couple = rng.random() < 0.85
        sex = pick(rng, {"MF": 75, "MM": 12, "FF": 13} if couple else {"F1": 80, "M1": 20})
        # Rules 511-520, 524: the adopters' legal status fits their number and sex.
        if not couple:
            status = "L0"
        elif sex == "MF":
            status = pick(rng, {"L11": 70, "L3": 30})
        else:
            status = pick(rng, {"L12": 50, "L2": 30, "L4": 20})
        foster_care = "1" if same_carers else "0"  # rule 335: A5 is with the foster carers
        return Adoption(decision, match, foster_care, 2 if couple else 1, sex, status)

    def _legal_statuses(
        self, child: Child, start: dt.date, horizon: dt.date, path: str
    ) -> list[tuple[dt.date, str]]:
        rng = self.rng
        if path in ("remand", "uasc"):
            return [(start, "J1" if path == "remand" else "V2")]
        years = age(child.dob, start)
        statuses: list[tuple[dt.date, str]] = []
        begin = start
        roll = rng.random()
        if horizon - start > 60 * DAY:
            if roll < 0.05:  # rule 361: police protection lasts 72 hours at most
                statuses.append((start, "L1"))
                begin = next(
                    start + days * DAY
                    for days in (rng.randint(1, 3), 1, 2, 3)
                    if not is_boundary(start + days * DAY)
                )
            elif roll < 0.09 and years < 12:  # rule 362: an emergency protection order, 21 days
                statuses.append((start, "L2"))
                begin = start + rng.randint(5, 20) * DAY
        if statuses and is_boundary(begin):
            begin += DAY
        if statuses and statuses[0][1] == "L2":
            main = "C1"
        else:
            main = pick(rng, {"C1": 65, "V2": 35} if years < 10 else {"V2": 60, "C1": 35, "C2": 5})
        statuses.append((begin, main))
        later: list[str] = []
        if main == "C1":
            later = ["C2"]
        elif main == "V2" and years < 13 and rng.random() < 0.12:
            later = ["C1", "C2"]
        day = begin
        for ls in later:
            day += rng.randint(90, 420) * DAY
            day += DAY * is_boundary(day)
            if day >= horizon - 10 * DAY:
                break
            statuses.append((day, ls))
        return statuses

    def _moves(
        self, child: Child, settled: dt.date, horizon: dt.date, statuses: list[tuple[dt.date, str]]
    ) -> list[dt.date]:
        rng = self.rng
        # History long before the two written years cannot be seen, so is not made.
        low = max(settled + 7 * DAY, self.window.previous.start - 400 * DAY)
        high = horizon - 7 * DAY
        if high <= low:
            return []
        years = age(child.dob, low)
        rate = 0.45 if years < 5 else 0.5 if years < 12 else 0.8
        changes = [day for day, _ in statuses]
        moves: list[dt.date] = []
        for _ in range(min(8, poisson(rng, rate * (high - low).days / 365.25))):
            day = day_between(rng, low, high, changes + moves, 5)
            if day is not None:
                moves.append(day)
        for day in changes[1:]:  # a new legal status and placement on one day: RNE B
            clear = all(abs((day - move).days) > 5 for move in moves)
            if low <= day <= high and rng.random() < 0.2 and clear:
                moves.append(day)
        return sorted(moves)

    def _temporary_move(
        self,
        child: Child,
        low: dt.date,
        high: dt.date,
        statuses: list[tuple[dt.date, str]],
        home: Placement,
    ) -> list[_Piece]:
        """Rarely, a few days away and back (rules 375-383): out and back are RNE P."""
        rng = self.rng
        if high - low < 45 * DAY or rng.random() > 0.04:
            return []
        changes = [day for day, _ in statuses]
        out = day_between(rng, low + 12 * DAY, high - 20 * DAY, changes, 5)
        if out is None:
            return []
        back = out + rng.randint(2, 6) * DAY
        if (
            is_boundary(back)
            or FINANCIAL_YEAR.containing(out) != FINANCIAL_YEAR.containing(back)
            or any(abs((back - day).days) <= 5 for day in changes)
        ):
            return []
        # Rule 383: back to the very placement (type and postcode) the child left.
        return [_Piece(out, self.placements.temporary_place(child, out, back)), _Piece(back, home)]

    def _move_reason(self, child: Child, day: dt.date, place: str) -> str:
        if place == "R5" and age(child.dob, day) >= 12:
            return "CUSTOD"  # rule 234: never for a child under 10
        return pick(self.rng, REASONS)

    def _maybe_reversed_decision(
        self,
        child: Child,
        start: dt.date,
        horizon: dt.date,
        statuses: list[tuple[dt.date, str]],
        end: dt.date | None,
    ) -> None:
        """Now and then a young child's adoption plan is made and later reversed (RD1-RD4)."""
        rng = self.rng
        care_order = next((day for day, ls in statuses if ls == "C2"), None)
        if care_order is None or age(child.dob, start) >= 6 or rng.random() > 0.1:
            return
        placed = care_order + rng.randint(30, 200) * DAY
        ceased = placed + rng.randint(60, 400) * DAY
        placed += DAY * is_boundary(placed)
        ceased += DAY * is_boundary(ceased)
        if ceased < horizon - 3 * DAY:  # rule 117: reversed before the child leaves care
            reason = pick(rng, {"RD1": 40, "RD2": 25, "RD3": 20, "RD4": 15})
            child.decisions.append(Decision(placed, ceased, reason))
        elif end is None and placed < horizon - DAY:
            child.decisions.append(Decision(placed))

    def _ending(self, child: Child, ending: str, last: Placement, end: dt.date) -> str:
        if ending in ("eighteen", "order") and last.place in self.placements.foster:
            ending = f"{ending} foster"
        elif ending == "eighteen" and last.place == "K3":
            ending = "eighteen K3"
        years = age(child.dob, end)
        allowed = [code for code in self.window.codes["REC"] if years >= MIN_END_AGE.get(code, 0)]
        return choose(self.rng, ENDINGS[ending], allowed)

    def _need(self, path: str) -> str:
        if path == "uasc":
            return "N8"
        if path == "remand":
            return pick(self.rng, {"N6": 80, "N5": 20})
        return pick(self.rng, NEEDS)

    def _chain(
        self,
        child: Child,
        statuses: list[tuple[dt.date, str]],
        pieces: list[_Piece],
        end: dt.date | None,
        rec: str | None,
        cin: str,
    ) -> None:
        """One episode per change of legal status or placement, linked by X1 (rules 388, 433).

        RNE says what changed (rules 434-436): L the legal status, P the placement, B both;
        T and U the same for a new placement with the same carers.
        """
        temporary = self.placements.temporary
        days = sorted({day for day, _ in statuses} | {piece.start for piece in pieces})
        episodes: list[Episode] = []
        reasons: list[str | None] = []
        for i, day in enumerate(days):
            ls = next(ls for start, ls in reversed(statuses) if start <= day)
            piece = next(piece for piece in reversed(pieces) if piece.start <= day)
            rne = "S"
            if episodes:
                moved = piece.placement is not episodes[-1].placement
                changed = ls != episodes[-1].ls
                if moved:
                    if piece.same_carers:
                        rne = "U" if changed else "T"
                    else:
                        rne = "B" if changed else "P"
                else:
                    rne = "L"
            last = i + 1 == len(days)
            dec = end if last else days[i + 1]
            episodes.append(
                Episode(
                    day, rne, ls, cin, piece.placement, child.home_post, dec, rec if last else "X1"
                )
            )
            reasons.append(piece.reason if piece.start == day else None)
        for episode, following, reason in zip(episodes, episodes[1:], reasons[1:], strict=False):
            # Rules 225 and 226: a reason on the episode a move ends, never around temporary ones.
            places = {episode.placement.place, following.placement.place}
            if following.rne in MOVES and not places & temporary:
                episode.reason = reason or pick(self.rng, REASONS)
        child.episodes.extend(episodes)
