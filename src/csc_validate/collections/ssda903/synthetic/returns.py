"""Synthetic SSDA903 returns: a year and the year before, from one set of care histories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
from pathlib import Path

import polars as pl
from pydantic import BaseModel, ConfigDict

from csc_validate import atomic, schemas
from csc_validate.collections.ssda903.synthetic.mistakes import Mistake, Row, Rows, inject
from csc_validate.collections.ssda903.synthetic.records import (
    DAY,
    Child,
    Episode,
    Window,
    add_years,
)
from csc_validate.collections.ssda903.synthetic.stories import KINDS, PREVIOUS_LEAVERS, StoryTeller
from csc_validate.periods import Period, financial_year, previous_year
from csc_validate.schemas import TableSchema

COLLECTION = "ssda903"
FILE_NAMES = {
    "Header": "header.csv",
    "Episodes": "episodes.csv",
    "Reviews": "reviews.csv",
    "UASC": "uasc.csv",
    "OC2": "oc2.csv",
    "OC3": "oc3.csv",
    "AD1": "ad1.csv",
    "PlacedAdoption": "placed_for_adoption.csv",
    "PrevPerm": "previous_permanence.csv",
    "Missing": "missing.csv",
    "SWEpisodes": "sw_episodes.csv",
    "DoLo": "dolo.csv",
}
# formats.md §3: social worker episodes were first collected in 2023-24; the years before the
# oldest schema otherwise had its tables.
FIRST_COLLECTED = {"SWEpisodes": "2023-24"}
ADOPTED = ("E11", "E12")


class SyntheticReturn(BaseModel):
    """This year's and last year's tables (all text, blanks null) and the mistakes put in."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    year: str
    current: dict[str, pl.DataFrame]
    previous: dict[str, pl.DataFrame]
    mistakes: list[Mistake]


def generate(children: int, seed: int, year: str, error_rate: float = 0.05) -> SyntheticReturn:
    """A return for `year` with `children` children in its Header, and last year's return.

    The same seed gives the same return. A share `error_rate` of the children get one or more
    mistakes, each recorded in `mistakes`. With error_rate=0 the return keeps the DfE rules,
    the postcode rules too when checked with `--la` for geography.COUNCIL (its postcodes are
    real); only the URN rules, which need Ofsted's provider lists, cannot be matched.
    """
    if children < 0:
        raise ValueError(f"children must be 0 or more, not {children}")
    if not 0 <= error_rate <= 1:
        raise ValueError(f"error_rate must be between 0 and 1, not {error_rate}")
    current = schemas.load(COLLECTION, year)
    last = previous_year(year)
    last_tables, last_codes = _previous_schema(last)
    rng = random.Random(seed)
    window = Window(
        financial_year(last),
        current.period,
        frozenset(last_codes["PLACE"]),
        frozenset(current.codes["PLACE"]),
        current.codes,
    )
    teller = StoryTeller(rng, window, children, "DoLo" in current.tables)
    kinds = rng.choices(list(KINDS), list(KINDS.values()), k=children)
    kinds += ["previous_leaver"] * round(children * PREVIOUS_LEAVERS)
    rng.shuffle(kinds)
    ids = sorted(rng.sample(range(100_000, 1_000_000), len(kinds)))
    people = [teller.child(kind, str(child_id)) for kind, child_id in zip(kinds, ids, strict=True)]
    this_year = _rows(rng, people, current.tables, window.current, current.codes, True)
    last_year = _rows(rng, people, last_tables, window.previous, last_codes, False)
    mistakes = inject(
        random.Random(f"{seed}:mistakes"),
        this_year,
        last_year["Header"],
        error_rate,
        current.codes,
    )
    return SyntheticReturn(
        year=year,
        current=_frames(this_year, current.tables),
        previous=_frames(last_year, last_tables),
        mistakes=mistakes,
    )


def write(result: SyntheticReturn, out: Path, year: str) -> list[Path]:
    """One CSV per table: this year's in out/<year>/, last year's in out/<previous year>/."""
    if year != result.year:
        raise ValueError(f"the return is for {result.year}, not {year}")
    written = []
    for folder, tables in ((year, result.current), (previous_year(year), result.previous)):
        for name, frame in tables.items():
            buffer = io.BytesIO()
            frame.write_csv(buffer)
            path = Path(out) / folder / FILE_NAMES[name]
            atomic.write_bytes(path, buffer.getvalue())
            written.append(path)
    return written


def _previous_schema(year: str) -> tuple[dict[str, TableSchema], dict[str, tuple[str, ...]]]:
    try:
        schema = schemas.load(COLLECTION, year)
    except LookupError:
        schema = schemas.load(COLLECTION, schemas.available_years(COLLECTION)[0])
        tables = {
            name: table
            for name, table in schema.tables.items()
            if FIRST_COLLECTED.get(name, year) <= year
        }
        return tables, schema.codes
    return schema.tables, schema.codes


def _frames(rows: Rows, tables: dict[str, TableSchema]) -> dict[str, pl.DataFrame]:
    """One frame per table, with the columns its file has (derived ones such as UASC are not)."""
    return {
        name: pl.DataFrame(
            {c: [row.get(c) for row in rows[name]] for c in table.file_columns},
            schema=dict.fromkeys(table.file_columns, pl.String),
        )
        for name, table in tables.items()
    }


def _date(day: dt.date | None) -> str | None:
    return None if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


def _project(episode: Episode, period: Period) -> Episode:
    """The episode as the year's return shows it: open if it ends after the year."""
    if episode.dec is None or episode.dec <= period.end:
        return episode
    return dataclasses.replace(episode, dec=None, rec=None, reason=None)


def _rows(
    rng: random.Random,
    people: list[Child],
    tables: dict[str, TableSchema],
    period: Period,
    codes: dict[str, tuple[str, ...]],
    current: bool,
) -> Rows:
    """The year's rows, table by table: what its return shows of each child's history."""
    rows: Rows = {name: [] for name in tables}
    respite = frozenset(codes["LS_RESPITE"])
    sexes = {"M": codes["SEX_MALE"][0], "F": codes["SEX_FEMALE"][0]}
    for child in people:
        episodes = [
            _project(e, period)
            for e in child.episodes
            if e.decom <= period.end and (e.dec is None or e.dec >= period.start)
        ]
        leaver = child.leaver if current else None  # OC3 is written for this year only
        if not episodes and not leaver:
            continue
        dob = _date(child.dob)
        base: Row = {"CHILD": child.id, "DOB": dob}
        looked_after = [e for e in episodes if e.ls not in respite]
        mother = None
        if child.sex == "F" and looked_after:  # rules 393 and 607 want it; 399 and 628 forbid it
            mother = "1" if child.mc_dob and child.mc_dob <= period.end else "0"
        rows["Header"].append(
            {
                **base,
                "SEX": sexes[child.sex],
                "ETHNIC": child.ethnic,
                "UPN": _upn(child, period),
                "MOTHER": mother,
                "MC_DOB": _date(child.mc_dob) if mother == "1" else None,
            }
        )
        rows["Episodes"].extend(_episode_row(child, e) for e in episodes)
        if child.uasc and episodes:  # DUC: the 18th birthday (rules 205A-D, 304)
            rows["UASC"].append(
                {**base, "SEX": sexes[child.sex], "DUC": _date(add_years(child.dob, 18))}
            )
        rows["Reviews"].extend(
            {**base, "REVIEW": _date(day), "REVIEW_CODE": _participation(rng, child, day)}
            for day in child.reviews
            if period.start <= day <= period.end
        )
        if episodes and _looked_after_all_year(episodes, period, respite):
            rows["OC2"].append({**base, **_outcomes(rng, child, period)})
        if leaver:
            rows["OC3"].append(
                {
                    **base,
                    "IN_TOUCH": leaver.in_touch,
                    "ACTIV": leaver.activity,
                    "ACCOM": leaver.accommodation,
                }
            )
        if child.adoption and any(
            e.rec in ADOPTED and e.dec and e.dec >= period.start for e in episodes
        ):
            a = child.adoption
            rows["AD1"].append(
                {
                    **base,
                    "DATE_INT": _date(a.date_int),
                    "DATE_MATCH": _date(a.date_match),
                    "FOSTER_CARE": a.foster_care,
                    "NB_ADOPTR": str(a.adopters),
                    "SEX_ADOPTR": a.sex,
                    "LS_ADOPTR": a.status,
                }
            )
        for d in child.decisions:
            if (
                episodes
                and d.placed <= period.end
                and (d.ceased is None or d.ceased >= period.start)
            ):
                ceased = d.ceased if d.ceased and d.ceased <= period.end else None
                rows["PlacedAdoption"].append(
                    {
                        **base,
                        "DATE_PLACED": _date(d.placed),
                        "DATE_PLACED_CEASED": _date(ceased),
                        "REASON_PLACED_CEASED": d.reason if ceased else None,
                    }
                )
        start = next((e for e in episodes if e.rne == "S" and e.decom >= period.start), None)
        if start is not None and start.decom in child.permanence:
            perm = child.permanence[start.decom]
            rows["PrevPerm"].append(
                {**base, "PREV_PERM": perm.code, "LA_PERM": perm.la, "DATE_PERM": perm.date}
            )
        rows["Missing"].extend(
            {**base, "MISSING": s.kind, "MIS_START": _date(s.start), "MIS_END": _date(s.end)}
            for s in child.missing
            if period.start <= s.start <= period.end
        )
        if "SWEpisodes" in rows and any(e.dec is None for e in looked_after):
            rows["SWEpisodes"].extend(_social_worker_rows(child, base, period))
        if "DoLo" in rows:
            rows["DoLo"].extend(
                {**base, "DOLO_START": _date(s.start), "DOLO_END": _date(s.end)}
                for s in child.dolo
                if s.start <= period.end and (s.end is None or s.end >= period.start)
            )
    return rows


def _episode_row(child: Child, e: Episode) -> Row:
    place = e.placement
    return {
        "CHILD": child.id,
        "DECOM": _date(e.decom),
        "RNE": e.rne,
        "LS": e.ls,
        "CIN": e.cin,
        "PLACE": place.place,
        "PLACE_PROVIDER": place.provider,
        "DEC": _date(e.dec),
        "REC": e.rec,
        "REASON_PLACE_CHANGE": e.reason if e.dec else None,
        "HOME_POST": e.home_post,
        "PL_POST": place.postcode,
        "URN": place.urn,
    }


def _upn(child: Child, period: Period) -> str:
    """UN1 until the child is of school age (rule 209), the real UPN after (rule 208)."""
    school_age = (
        add_years(child.dob, 4)
        <= period.start.replace(year=period.start.year - 1, month=8, day=31) + 20 * DAY
    )
    return child.upn if school_age or child.upn.startswith("UN") else "UN1"


def _participation(rng: random.Random, child: Child, day: dt.date) -> str:
    """PN0 for a child under 4 at the review, PN1-PN7 from 4 on (rules 440, 441)."""
    if day < add_years(child.dob, 4):
        return "PN0"
    return rng.choices(
        ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"), (40, 15, 15, 8, 5, 10, 7)
    )[0]


def _looked_after_all_year(
    episodes: list[Episode], period: Period, respite: frozenset[str]
) -> bool:
    """Looked after continuously for 12 months at 31 March: the OC2 cohort."""
    for e in episodes:
        if e.ls in respite or (e.rne == "S" and period.start < e.decom):
            return False
        if e.rec not in (None, "X1") and e.dec is not None and e.dec < period.end:
            return False
    return True


def _outcomes(rng: random.Random, child: Child, period: Period) -> Row:
    """OC2 items by age (rules 157, 186-193, 197a/B, 542-547)."""
    dob = child.dob
    score = reason = None
    if add_years(dob, 4) <= period.start and add_years(dob, 17) > period.end:
        if rng.random() < 0.85:
            score = str(max(0, min(40, round(rng.gauss(14, 7)))))
        else:
            reason = rng.choice(("SDQ2", "SDQ3", "SDQ4", "SDQ5"))
    elif period.start < add_years(dob, 4) <= period.end or (
        period.start <= add_years(dob, 17) <= period.end
    ):
        reason = "SDQ1"  # turned 4 or 17 during the year
    misuse = "1" if add_years(dob, 12) < period.end and rng.random() < 0.06 else "0"
    received = ("1" if rng.random() < 0.6 else "0") if misuse == "1" else None

    def flag(share: float) -> str:
        return "1" if rng.random() < share else "0"

    return {
        "SDQ_SCORE": score,
        "SDQ_REASON": reason,
        "CONVICTED": flag(0.03) if add_years(dob, 10) < period.end else None,
        "HEALTH_CHECK": flag(0.9) if add_years(dob, 5) > period.end else None,
        "IMMUNISATIONS": flag(0.85),
        "TEETH_CHECK": flag(0.8),
        "HEALTH_ASSESSMENT": flag(0.9),
        "SUBSTANCE_MISUSE": misuse,
        "INTERVENTION_RECEIVED": received,
        "INTERVENTION_OFFERED": flag(0.7) if received == "0" else None,
    }


def _social_worker_rows(child: Child, base: Row, period: Period) -> list[Row]:
    """Social worker episodes over the reporting period, the last one open (rule SW17STG2).

    The period starts a year before the collection year (rules SW06-SW12), except in the first
    year of the collection, when it was the collection year alone (SW07STG2 changed in 2024-25).
    """
    first = period.year == FIRST_COLLECTED["SWEpisodes"]
    window_start = period.start if first else period.start.replace(year=period.start.year - 1)
    window_start += 3 * DAY
    return [
        {
            **base,
            "SW_ID": sw.worker,
            "SW_DECOM": _date(sw.start),
            "SW_DEC": _date(sw.end) if sw.end and sw.end <= period.end else None,
            "SW_REASON": sw.reason,
        }
        for sw in child.social_workers
        if sw.start <= period.end and (sw.end is None or sw.end > window_start)
    ]
