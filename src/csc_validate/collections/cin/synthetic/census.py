"""A synthetic CIN census for one collection year: the children, the file, and its mistakes."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from csc_validate import atomic
from csc_validate.collections.cin.synthetic.children import ChildMaker
from csc_validate.collections.cin.synthetic.codes import DISABILITY, Picker, for_year
from csc_validate.collections.cin.synthetic.identifiers import UpnIssuer, child_ids
from csc_validate.collections.cin.synthetic.mistakes import Mistake, inject
from csc_validate.collections.cin.synthetic.records import Child
from csc_validate.collections.cin.synthetic.workdays import WorkCalendar
from csc_validate.collections.cin.synthetic.xml_writer import render
from csc_validate.periods import financial_year

# Kent's DfE number: a large council, so that tens of thousands of children are plausible.
DEFAULT_LEA = "886"
MOST_CHILDREN = 1_000_000


class Counts(BaseModel):
    """How much of each module the census holds, for the command's summary."""

    model_config = ConfigDict(frozen=True)

    children: int
    unborn: int
    episodes: int
    open_episodes: int
    nfa_referrals: int
    assessments: int
    section47s: int
    initial_conferences: int
    protection_plans: int
    reviews: int
    cin_plans: int
    pre_proceedings: int
    disabled_children: int


class Census(BaseModel):
    """A written CIN census: the XML, the records it was made from, and the mistakes put in."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    year: str
    lea: str
    children: list[Child]
    counts: Counts
    mistakes: list[Mistake]
    xml: bytes


def generate(
    children: int, seed: int, year: str, error_rate: float = 0.05, *, lea: str = DEFAULT_LEA
) -> Census:
    """A census for `year` ("2025-26") with `children` children; the same seed, the same bytes.

    A share `error_rate` of the children get one mistake each, recorded in `mistakes` with the
    rules it breaks. With error_rate=0 the census keeps every rule and query of the year.
    """
    if not 0 <= children <= MOST_CHILDREN:
        raise ValueError(f"children must be between 0 and {MOST_CHILDREN}, not {children}")
    if not 0 <= error_rate <= 1:
        raise ValueError(f"error_rate must be between 0 and 1, not {error_rate}")
    if not (len(lea) == 3 and lea.isdigit()):
        raise ValueError(f"lea must be a 3-digit DfE LA number, not {lea!r}")
    period = financial_year(year)
    codes = for_year(period)
    rng = random.Random(seed)
    picker = Picker(rng)
    calendar = WorkCalendar(
        dt.date(period.start.year - 5, 1, 1), dt.date(period.end.year + 5, 12, 31)
    )
    maker = ChildMaker(picker, calendar, codes, UpnIssuer(rng, lea, codes.upn_la_codes))
    records = [maker.make(child_id) for child_id in child_ids(rng, children)]
    maker.ensure_pre_proceedings(records)
    _spread_disabilities(picker, records)
    mistakes = inject(random.Random(f"{seed}:mistakes"), records, codes, calendar, error_rate)
    return Census(
        year=period.year,
        lea=lea,
        children=records,
        counts=_count(records),
        mistakes=mistakes,
        xml=render(records, codes, lea),
    )


def write(census: Census, out: Path) -> None:
    """Write the census XML to `out`, atomically."""
    atomic.write_bytes(Path(out), census.xml)


def _spread_disabilities(picker: Picker, records: list[Child]) -> None:
    """Queries 2887Q and 2888Q: at least 8 different codes used, and some child with several.

    Left to chance, a small return can miss either; the missing codes go to disabled children.
    """
    disabled = [c for c in records if c.disabilities and c.disabilities != ["NONE"]]
    if not disabled:
        return
    used = {code for child in disabled for code in child.disabilities or ()}
    for code in DISABILITY:
        if len(used) >= 8:
            break
        if code in used:
            continue
        child = picker.rng.choice(disabled)
        if child.disabilities is not None:
            child.disabilities.append(code)
        used.add(code)
    if all(len(c.disabilities or ()) < 2 for c in disabled):
        first = disabled[0].disabilities or []
        first.append(next(code for code in DISABILITY if code not in first))


def _count(records: list[Child]) -> Counts:
    episodes = [e for child in records for e in child.episodes]
    section47s = [s for e in episodes for s in e.section47s]
    plans = [p for e in episodes for p in e.protection_plans]
    return Counts(
        children=len(records),
        unborn=sum(child.unborn for child in records),
        episodes=len(episodes),
        open_episodes=sum(e.closure is None for e in episodes),
        nfa_referrals=sum(e.is_nfa for e in episodes),
        assessments=sum(len(e.assessments) for e in episodes),
        section47s=len(section47s),
        initial_conferences=sum(s.icpc is not None for s in section47s)
        + sum(e.icpc is not None for e in episodes),
        protection_plans=len(plans),
        reviews=sum(len(p.reviews) for p in plans),
        cin_plans=sum(len(e.cin_plans) for e in episodes),
        pre_proceedings=sum(len(e.pre_proceedings) for e in episodes),
        disabled_children=sum(bool(c.disabilities and c.disabilities != ["NONE"]) for c in records),
    )
