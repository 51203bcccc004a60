"""The synthetic CIN census generator: deterministic, well formed, clean, and wrong on purpose.

The census rules are being written elsewhere, so this file reads the XML back on its own and
checks the rules of reference/cin/rules.csv in plain Python (as DfE's messages and the peer
validator's code read them, taking the stricter reading where they differ). A clean census must
break none of them; a census with mistakes must break exactly the rules its mistakes name.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from csc_validate.collections.cin.synthetic import Census, generate, write
from csc_validate.collections.cin.synthetic.codes import UPN_LA_CODES, UPN_LA_CODES_FROM_2023
from csc_validate.collections.cin.synthetic.identifiers import upn_is_valid
from csc_validate.collections.cin.synthetic.mistakes import KINDS
from csc_validate.collections.cin.synthetic.workdays import WorkCalendar
from csc_validate.periods import parse_year

YEARS = ("2023-24", "2024-25", "2025-26", "2026-27")
TRUE, FALSE = ("true", "1"), ("false", "0")
ETHNICITY = {
    "ABAN",
    "AIND",
    "AOTH",
    "APKN",
    "BAFR",
    "BCRB",
    "BOTH",
    "CHNE",
    "MOTH",
    "MWAS",
    "MWBA",
    "MWBC",
    "NOBT",
    "OOTH",
    "REFU",
    "WBRI",
    "WIRI",
    "WIRT",
    "WOTH",
    "WROM",
}
DISABILITY = {
    "NONE",
    "MOB",
    "HAND",
    "PC",
    "INC",
    "COMM",
    "LD",
    "HEAR",
    "VIS",
    "BEH",
    "CON",
    "AUT",
    "DDA",
}
SOURCES = {
    "1A",
    "1B",
    "1C",
    "1D",
    "2A",
    "2B",
    "3A",
    "3B",
    "3C",
    "3D",
    "3E",
    "3F",
    "4",
    "5A",
    "5B",
    "5C",
    "5D",
    "6",
    "7",
    "8",
    "9",
    "10",
}
NEEDS = {f"N{n}" for n in range(10)}
REASONS = {f"RC{n}" for n in range(1, 10)}
ABUSE = {"NEG", "PHY", "SAB", "EMO", "MUL"}
FACTORS = {
    "1A",
    "1B",
    "1C",
    "2A",
    "2B",
    "2C",
    "3A",
    "3B",
    "3C",
    "4A",
    "4B",
    "4C",
    "5A",
    "5B",
    "5C",
    "6A",
    "6B",
    "6C",
    "7A",
    "8B",
    "8C",
    "8D",
    "8E",
    "8F",
    "9A",
    "10A",
    "11A",
    "12A",
    "13A",
    "14A",
    "15A",
    "16A",
    "17A",
    "18A",
    "18B",
    "18C",
    "19A",
    "19B",
    "19C",
    "20",
    "21",
    "22A",
    "23A",
    "24A",
}
UPN_LAST = set("ABCDEFGHJKLMNPQRTUVWXYZ0123456789")


# -- reading the file back -------------------------------------------------------------------


def _date(node: ET.Element, tag: str) -> dt.date | None:
    text = node.findtext(tag)
    return dt.date.fromisoformat(text) if text else None


@dataclass
class Episode:
    node: ET.Element
    referral: dt.date | None = None
    closure: dt.date | None = None
    icpc: dt.date | None = None
    assessments: list[dict] = field(default_factory=list)
    plans: list[dict] = field(default_factory=list)
    s47s: list[dict] = field(default_factory=list)
    cpps: list[dict] = field(default_factory=list)
    blocks: list[dict] = field(default_factory=list)

    def text(self, tag: str) -> str | None:
        return self.node.findtext(tag)


@dataclass
class Child:
    id: str
    ids: ET.Element
    sex: str | None
    birth: dt.date | None
    expected: dt.date | None
    death: dt.date | None
    ethnicity: str | None
    disabilities: list[str] | None
    episodes: list[Episode]


def read(xml: bytes, sex_tag: str) -> tuple[ET.Element, list[Child]]:
    root = ET.fromstring(xml)
    children = []
    for node in root.iterfind("Children/Child"):
        ids = node.find("ChildIdentifiers")
        chars = node.find("ChildCharacteristics")
        disabilities = chars.find("Disabilities")
        episodes = []
        for cin in node.iterfind("CINdetails"):
            episode = Episode(cin, _date(cin, "CINreferralDate"), _date(cin, "CINclosureDate"))
            episode.icpc = _date(cin, "DateOfInitialCPC")
            for a in cin.iterfind("Assessments"):
                factors = [f.text for f in a.iterfind("FactorsIdentifiedAtAssessment/*")]
                episode.assessments.append(
                    {
                        "start": _date(a, "AssessmentActualStartDate"),
                        "end": _date(a, "AssessmentAuthorisationDate"),
                        "factors": factors,
                    }
                )
            for p in cin.iterfind("CINPlanDates"):
                episode.plans.append(
                    {"start": _date(p, "CINPlanStartDate"), "end": _date(p, "CINPlanEndDate")}
                )
            for s in cin.iterfind("Section47"):
                episode.s47s.append(
                    {
                        "start": _date(s, "S47ActualStartDate"),
                        "target": _date(s, "InitialCPCtarget"),
                        "icpc": _date(s, "DateOfInitialCPC"),
                        "not_required": s.findtext("ICPCnotRequired"),
                    }
                )
            for c in cin.iterfind("ChildProtectionPlans"):
                episode.cpps.append(
                    {
                        "start": _date(c, "CPPstartDate"),
                        "end": _date(c, "CPPendDate"),
                        "initial": c.findtext("InitialCategoryOfAbuse"),
                        "latest": c.findtext("LatestCategoryOfAbuse"),
                        "previous": c.findtext("NumberOfPreviousCPP"),
                        "reviews": [_date(r, "CPPreviewDate") for r in c.iterfind("Reviews")],
                    }
                )
            for b in cin.iterfind("PreProceedingsandFGDM"):
                episode.blocks.append({item.tag: item.text for item in b})
            episodes.append(episode)
        children.append(
            Child(
                ids.findtext("LAchildID") or "",
                ids,
                ids.findtext(sex_tag),
                _date(ids, "PersonBirthDate"),
                _date(ids, "ExpectedPersonBirthDate"),
                _date(ids, "PersonDeathDate"),
                chars.findtext("Ethnicity"),
                None if disabilities is None else [d.text or "" for d in disabilities],
                episodes,
            )
        )
    return root, children


# -- the rules -------------------------------------------------------------------------------


def _overlapping(items: list[tuple], ref: dt.date, inclusive: bool) -> bool:
    """Any (start, end) pair where one starts inside the other (open ends run to `ref`)."""
    for i, (start_i, _end_i) in enumerate(items):
        for j, (start_j, end_j) in enumerate(items):
            if i == j or start_i < start_j:
                continue
            if end_j is None:
                if start_i <= ref:
                    return True
            elif start_i < end_j or (inclusive and start_i == end_j):
                return True
    return False


def _joined(episode: Episode, sharing: list[Episode]) -> Episode:
    """The episode as the rules see it: records are keyed by LAchildID and the episode's
    position, so two children with one ID pool the records of their episodes at one position."""
    if len(sharing) == 1:
        return episode
    view = Episode(episode.node, episode.referral, episode.closure, episode.icpc)
    for other in sharing:
        view.assessments += other.assessments
        view.plans += other.plans
        view.s47s += other.s47s
        view.cpps += other.cpps
        view.blocks += other.blocks
    return view


def findings(census: Census) -> set[tuple[str, str]]:
    """Every (rule, child) the census breaks; return-level rules have the child ''."""
    period = parse_year(census.year)
    start, ref = period.start, period.end
    first_year = start.year
    sex_tag = "Sex" if first_year >= 2024 else "GenderCurrent"
    root, children = read(census.xml, sex_tag)
    cal = WorkCalendar(dt.date(start.year - 1, 1, 1), dt.date(ref.year + 1, 12, 31))
    weekdays_back = {n: ref - dt.timedelta(days=n // 5 * 7) for n in (15, 45)}  # no holidays
    school_age = dt.date(ref.year - 6, 8, 31)
    la_codes = set(UPN_LA_CODES) | (set(UPN_LA_CODES_FROM_2023) if first_year >= 2023 else set())
    found: set[tuple[str, str]] = set()

    def flag(rule: str, child: str = "") -> None:
        found.add((rule, child))

    def in_period(day: dt.date | None) -> bool:
        return day is not None and start <= day <= ref

    header = root.find("Header/CollectionDetails")
    if header.findtext("ReferenceDate") != f"{header.findtext('Year')}-03-31":
        flag("100")
    if header.findtext("ReferenceDate") != ref.isoformat():
        flag("100")

    upns = Counter(c.ids.findtext("UPN") for c in children if c.ids.findtext("UPN"))
    ids = Counter(c.id for c in children)
    persons: dict[str, list[Child]] = defaultdict(list)
    positions: dict[tuple[str, int], list[Episode]] = defaultdict(list)
    for child in children:
        persons[child.id].append(child)
        for n, episode in enumerate(child.episodes):
            positions[(child.id, n)].append(episode)
    no_sex = 0
    codes_used: set[str] = set()
    several = False
    cpp_starts = icpcs = blocks = 0
    for child in children:
        cid = child.id
        upn, former, unknown = (child.ids.findtext(t) for t in ("UPN", "FormerUPN", "UPNunknown"))
        unborn = child.birth is None and child.expected is not None
        merged = [e for c in persons[cid] for e in c.episodes]
        going_further = any(e.text("ReferralNFA") in FALSE for e in merged)
        if not cid:
            flag("8500", cid)
        if ids[cid] > 1:
            flag("8510", cid)
        if first_year >= 2024 and len(cid) > 20:
            flag("1570", cid)
        if first_year >= 2024 and not cid.isalnum():
            flag("1580", cid)
        if upn:
            if upns[upn] > 1:
                flag("1520", cid)
            if len(upn) == 13 and upn[1:].isdigit() and not upn_is_valid(upn):
                flag("1510", cid)
            if upn[1:4] not in la_codes:
                flag("1530", cid)
            if not upn[4:12].isdigit():
                flag("1540", cid)
            if len(upn) == 13 and upn[12] not in UPN_LAST:
                flag("1550", cid)
        if former and not (len(former) == 13 and former[0].isalpha() and former[1:].isdigit()):
            flag("1560Q", cid)
        valid_sex = {"M", "F", "U"} if first_year >= 2024 else {"0", "1", "2", "9"}
        if child.sex not in valid_sex:
            flag("4180", cid)
        if child.birth and child.birth > ref:
            flag("8520", cid)
        if (child.birth is None) == (child.expected is None):
            flag("8525Q", cid)
        if child.expected and not (
            ref - dt.timedelta(days=30) < child.expected < dt.date(ref.year, 12, 31)
        ):
            flag("8530Q", cid)
        if child.death and child.birth and child.death < child.birth:
            flag("8535Q", cid)
        if child.death and not in_period(child.death):
            flag("8545Q", cid)
        if unborn and child.sex != ("U" if first_year >= 2024 else "0"):
            flag("8750", cid)
        if (
            child.birth
            and child.birth <= school_age
            and going_further
            and not upn
            and unknown not in ("UN2", "UN3", "UN4", "UN5", "UN6", "UN7")
        ):
            flag("8770Q", cid)
        if unknown == "UN7" and going_further:
            flag("8772", cid)
        if child.birth and child.birth < dt.date(ref.year - 25, ref.month, ref.day):
            flag("8775Q", cid)
        if not unborn and child.sex in (None, "U", "0"):
            no_sex += 1
        if child.ethnicity not in ETHNICITY:
            flag("4220", cid)
        merged_disabilities = [d for c in persons[cid] for d in c.disabilities or ()]
        if (
            child.birth
            and going_further
            and (not merged_disabilities or any(d not in DISABILITY for d in merged_disabilities))
        ):
            flag("8540", cid)
        if "NONE" in merged_disabilities and len(set(merged_disabilities)) > 1:
            flag("8790", cid)
        if len(set(merged_disabilities)) < len(merged_disabilities):
            flag("8794", cid)
        real = [d for d in child.disabilities or () if d != "NONE"]
        codes_used.update(real)
        several = several or len(real) > 1
        if not child.episodes:
            flag("8590", cid)

        # Across all the child's episodes (joined by LAchildID, as the rules join them).
        open_further = [e for e in merged if e.closure is None and e.text("ReferralNFA") in FALSE]
        if len(open_further) > 1:
            flag("8815", cid)
        latest = max((e.referral for e in merged if e.referral), default=None)
        if any(e.referral != latest for e in open_further):
            flag("8816", cid)
        spans = [(e.referral, e.closure) for e in merged if e.referral]
        if _overlapping(spans, ref, inclusive=False):
            flag("8820", cid)
        plans = [(p["start"], p["end"]) for e in merged for p in e.plans if p["start"]]
        if _overlapping(plans, ref, inclusive=True):
            flag("4014", cid)
        cpps = [(p["start"], p["end"]) for e in merged for p in e.cpps if p["start"]]
        if _overlapping(cpps, ref, inclusive=True):
            flag("8940", cid)
        if sum(end is None for _, end in cpps) > 1:
            flag("8935", cid)
        for plan_start, plan_end in plans:
            for cpp_start, cpp_end in cpps:
                if plan_start >= cpp_start and (
                    (cpp_end is not None and plan_start < cpp_end)
                    or (cpp_end is None and plan_start <= ref)
                ):
                    flag("4016", cid)
                if cpp_start >= plan_start and (
                    (plan_end is not None and cpp_start < plan_end)
                    or (plan_end is None and cpp_start <= ref)
                ):
                    flag("4017", cid)
        for e in merged:
            for cpp in e.cpps:
                for review in cpp["reviews"]:
                    for plan_start, plan_end in plans:
                        inside = plan_start <= review and (plan_end is None or review < plan_end)
                        if inside and review != cpp["end"]:
                            flag("4003", cid)
        s47_icpcs = {s["icpc"] for e in merged for s in e.s47s if s["icpc"]}
        if any(e.icpc in s47_icpcs for e in merged if e.icpc):
            flag("2884", cid)

        for n, own in enumerate(child.episodes):
            e = _joined(own, positions[(cid, n)])
            nfa = e.text("ReferralNFA")
            reason = e.text("ReasonForClosure")
            need = e.text("PrimaryNeedCode")
            source = e.text("ReferralSource")
            if e.referral is None or e.referral > ref:
                flag("8600", cid)
            for birth in (child.birth, child.expected):
                if birth and e.referral and e.referral < birth - dt.timedelta(days=280):
                    flag("8606", cid)
            if nfa in FALSE and not need:
                flag("8610", cid)
            if e.closure and not in_period(e.closure):
                flag("8620", cid)
            if e.closure and e.referral and e.closure < e.referral:
                flag("8630", cid)
            if reason and reason not in REASONS:
                flag("8640", cid)
            if need and need not in NEEDS:
                flag("8650", cid)
            if e.closure and not reason:
                flag("8805", cid)
            if reason and not e.closure:
                flag("8810", cid)
            if source not in SOURCES:
                flag("8866", cid)
            if nfa not in TRUE + FALSE:
                flag("8568", cid)
            if e.referral and e.referral < start - dt.timedelta(days=1) and nfa not in FALSE:
                flag("8569Q", cid)
            if child.death and e.referral and child.death < e.referral:
                flag("8555Q", cid)
            if reason == "RC2" and not child.death:
                flag("8585Q", cid)
            if reason in ("RC8", "RC9") and not e.assessments:
                flag("8825Q", cid)
            if reason in ("RC8", "RC9") and (e.s47s or e.cpps or e.plans or e.icpc):
                flag("2990", cid)
            if nfa in TRUE and (e.assessments or e.s47s or e.icpc):
                flag("8831", cid)
            if nfa in TRUE and e.cpps:
                flag("8832", cid)
            if nfa in TRUE and e.plans:
                flag("4000", cid)
            if e.closure:
                activity = [e.icpc]
                activity += [d for a in e.assessments for d in (a["start"], a["end"])]
                activity += [d for s in e.s47s for d in (s["start"], s["icpc"])]
                activity += [c["end"] for c in e.cpps]
                activity += [d for p in e.plans for d in (p["start"], p["end"])]
                if any(d and d > e.closure for d in activity):
                    flag("8565", cid)
            if e.icpc:
                icpcs += in_period(e.icpc)
                if e.referral and e.icpc < e.referral:
                    flag("1104", cid)
                if e.icpc.weekday() >= 5:
                    flag("8875", cid)

            if e.s47s and not e.assessments:
                flag("2991Q", cid)
            open_assessments = 0
            for a in e.assessments:
                if a["start"] and e.referral and a["start"] < e.referral:
                    flag("1103", cid)
                if a["end"] and a["start"] and a["end"] < a["start"]:
                    flag("8608", cid)
                if a["factors"] and not a["end"]:
                    flag("8614", cid)
                if a["end"] is None:
                    open_assessments += 1
                    if a["start"] < min(weekdays_back[45], cal.subtract(ref, 44)):
                        flag("8670Q", cid)
                    if not in_period(a["start"]):
                        flag("8736", cid)
                if a["end"] and not in_period(a["end"]):
                    flag("8696", cid)
                if e.closure and not a["end"]:
                    flag("8867", cid)
                if "21" in a["factors"] and len(a["factors"]) > 1:
                    flag("8869", cid)
                if a["end"] and (not a["factors"] or set(a["factors"]) - FACTORS):
                    flag("8897Q", cid)
                if len(set(a["factors"])) < len(a["factors"]):
                    flag("8898", cid)
                if first_year >= 2024 and "18A" in a["factors"]:
                    flag("8945Q", cid)
                if first_year >= 2024 and "19A" in a["factors"]:
                    flag("8950Q", cid)
            if open_assessments > 1:
                flag("8896", cid)
            spans = [(a["start"], a["end"]) for a in e.assessments]
            if _overlapping(spans, ref, inclusive=True):
                flag("8863Q", cid)
            if (
                len(e.assessments) == 1
                and "21" in e.assessments[0]["factors"]
                and reason not in ("RC8", "RC9")
            ):
                flag("8873Q", cid)

            open_s47s = 0
            for s in e.s47s:
                concluded = s["icpc"] is not None or s["not_required"] in TRUE
                if s["icpc"]:
                    icpcs += in_period(s["icpc"])
                    if e.referral and s["icpc"] < e.referral:
                        flag("1104", cid)
                    if s["icpc"].weekday() >= 5:
                        flag("8875", cid)
                    if not in_period(s["icpc"]):
                        flag("8715", cid)
                if s["start"] and e.referral and s["start"] < e.referral:
                    flag("2889", cid)
                if s["start"] is None or (s["icpc"] and s["start"] > s["icpc"]):
                    flag("8615", cid)
                if not concluded:
                    open_s47s += 1
                    if s["start"] < min(weekdays_back[15], cal.subtract(ref, 14)):
                        flag("8675Q", cid)
                    if not in_period(s["start"]):
                        flag("8740", cid)
                if e.closure and (not concluded or (s["icpc"] and s["not_required"] in TRUE)):
                    flag("8868", cid)
                if s["target"] and s["target"].weekday() >= 5:
                    flag("8870Q", cid)
            if open_s47s > 1:
                flag("8839", cid)
            s47_spans = [
                (s["start"], s["icpc"] or (s["start"] if s["not_required"] in TRUE else None))
                for s in e.s47s
            ]
            if _overlapping(s47_spans, ref, inclusive=True):
                flag("8890", cid)

            # The episode's own conference counts only when no live Section 47 record exists.
            live = [s["icpc"] for s in e.s47s if s["not_required"] not in TRUE]
            conferences = set(live) if live else {e.icpc}
            for c in e.cpps:
                if c["start"] and e.referral and c["start"] < e.referral:
                    flag("1105", cid)
                if in_period(c["start"]):
                    cpp_starts += 1
                    if c["start"] not in conferences:
                        flag("2885", cid)
                if c["start"] is None or c["start"] > ref:
                    flag("8720", cid)
                if not c["previous"]:
                    flag("8730", cid)
                if c["end"] and c["end"] == c["start"]:
                    flag("8840", cid)
                if any(r is None for r in c["reviews"]):
                    flag("8842Q", cid)
                if any(r and r <= c["start"] for r in c["reviews"]):
                    flag("8841", cid)
                if c["initial"] not in ABUSE:
                    flag("8905", cid)
                if c["latest"] not in ABUSE:
                    flag("8910", cid)
                if child.death and c["start"] > child.death:
                    flag("8915", cid)
                if child.death and c["end"] and c["end"] > child.death:
                    flag("8920", cid)
                if c["end"] and c["end"] < c["start"]:
                    flag("8925", cid)
                if c["end"] and not in_period(c["end"]):
                    flag("8930", cid)
                if c["end"] is None and any(p["end"] is None for p in e.plans):
                    flag("4001", cid)

            if sum(p["end"] is None for p in e.plans) > 1:
                flag("4004", cid)
            for p in e.plans:
                if child.death and p["start"] > child.death:
                    flag("4008", cid)
                if child.death and p["end"] and p["end"] > child.death:
                    flag("4009Q", cid)
                if p["start"] is None or p["start"] > ref:
                    flag("4010", cid)
                if p["end"] and p["end"] < p["start"]:
                    flag("4011", cid)
                if p["end"] == p["start"]:
                    flag("4012Q", cid)
                if p["end"] and not in_period(p["end"]):
                    flag("4013", cid)
                if e.referral and p["start"] < e.referral:
                    flag("4015", cid)

            for b in e.blocks:
                blocks += 1
                day = {k: dt.date.fromisoformat(v) for k, v in b.items() if k.endswith("Date")}
                if "PPStartDate" not in day:
                    flag("9000Q", cid)
                    continue
                if not in_period(day["PPStartDate"]):
                    flag("9005", cid)
                letter = day.get("LBPSentDate")
                if letter and (not in_period(letter) or letter < day["PPStartDate"]):
                    flag("9006", cid)
                if letter and not b.get("FGDMMeetingOffer"):
                    flag("9007", cid)
                if "InitialPPMeetingDate" in day and not in_period(day["InitialPPMeetingDate"]):
                    flag("9008", cid)
                step = day.get("StepDecisionDate")
                if step and (not in_period(step) or step < day["PPStartDate"]):
                    flag("9009", cid)
                if b.get("FGDMMeetingOffer") == "1" and not b.get("FGDMMeetingFac"):
                    flag("9010Q", cid)
                if b.get("PPOutcome") and b["PPOutcome"] not in ("A", "B", "C"):
                    flag("9011", cid)
                court = day.get("CourtAppDate")
                if court and (not in_period(court) or (step and court < step)):
                    flag("9012", cid)
                told = day.get("LetterInitCPDate")
                if told and (not in_period(told) or (court and told < court)):
                    flag("9013", cid)
                if "InitialPPMeetingDate" in day and not b.get("ReviewMeetingsCount"):
                    flag("9015Q", cid)

    if children and no_sex / len(children) > 0.02:
        flag("2886Q")
    if len(children) >= 200 and len(codes_used) < 8:
        flag("2887Q")
    if len(children) >= 200 and not several:
        flag("2888Q")
    if cpp_starts > icpcs:
        flag("2883")
    if first_year >= 2026 and len(children) >= 200 and not blocks:
        flag("8995Q")
    return found


def strict_findings(census: Census) -> set[tuple[str, str]]:
    """Coherence beyond the rules, on the day boundaries the rules leave to interpretation."""
    period = parse_year(census.year)
    sex_tag = "Sex" if period.start.year >= 2024 else "GenderCurrent"
    _, children = read(census.xml, sex_tag)
    found = set()
    for child in children:
        cid = child.id
        last = len(child.episodes) - 1
        for n, e in enumerate(child.episodes):
            ends = [e.closure or period.end]
            if n < last and (e.closure is None or child.episodes[n + 1].referral <= e.closure):
                found.add(("episodes-in-order", cid))
            dates = [d for c in e.cpps for d in (c["start"], c["end"], *c["reviews"])]
            dates += [
                dt.date.fromisoformat(v) for b in e.blocks for k, v in b.items() if "Date" in k
            ]
            dates += [d for p in e.plans for d in (p["start"], p["end"])]
            if any(d and (d > ends[0] or d < e.referral) for d in dates):
                found.add(("dates-inside-episode", cid))
            meetings = [s["icpc"] for s in e.s47s] + [e.icpc]
            meetings += [r for c in e.cpps for r in c["reviews"]]
            if any(d and d.weekday() >= 5 for d in meetings):
                found.add(("meeting-on-weekend", cid))
            for c in e.cpps:
                for p in e.plans:
                    if p["start"] <= (c["end"] or period.end) and c["start"] <= (
                        p["end"] or period.end
                    ):
                        found.add(("cin-plan-touches-cpp", cid))
            if e.text("ReferralNFA") in TRUE and e.closure is None and n < last:
                found.add(("open-nfa-not-last", cid))
    return found


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean() -> dict[str, Census]:
    return {year: generate(700, 11, year, 0.0) for year in YEARS}


@pytest.fixture(scope="module")
def faulty() -> Census:
    return generate(2500, 5, "2025-26", 0.4)


# -- tests -----------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others() -> None:
    first = generate(150, 42, "2025-26", 0.2)
    assert generate(150, 42, "2025-26", 0.2).xml == first.xml
    assert generate(150, 43, "2025-26", 0.2).xml != first.xml
    assert generate(150, 42, "2025-26", 0.0).xml != first.xml


@pytest.mark.parametrize("year", YEARS)
def test_the_file_is_well_formed_with_the_years_header(clean: dict, year: str) -> None:
    census = clean[year]
    assert census.xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <Header>')
    root = ET.fromstring(census.xml)
    end = parse_year(year).end
    assert root.tag == "Message"
    assert root.findtext("Header/CollectionDetails/Collection") == "CIN"
    assert root.findtext("Header/CollectionDetails/Year") == str(end.year)
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == end.isoformat()
    assert root.findtext("Header/Source/SourceLevel") == "L"
    assert root.findtext("Header/Source/LEA") == "886"
    assert root.findtext("Header/Source/SerialNo") == "001"
    assert root.findtext("Header/Source/DateTime").startswith(f"{end.year}-05-")
    sexes = {node.text for node in root.iter("Sex")}
    genders = {node.text for node in root.iter("GenderCurrent")}
    if year == "2023-24":
        assert not sexes and genders <= {"0", "1", "2"} and {"1", "2"} <= genders
    else:
        assert not genders and sexes <= {"M", "F", "U"} and {"M", "F"} <= sexes
    blocks = list(root.iter("PreProceedingsandFGDM"))
    assert bool(blocks) == (year == "2026-27")
    for block in blocks:
        assert block.findtext("PPStartDate")


def test_elements_come_in_dfes_order(clean: dict) -> None:
    root = ET.fromstring(clean["2026-27"].xml)
    order = [
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
        "PreProceedingsandFGDM",
    ]
    for episode in root.iter("CINdetails"):
        tags = [node.tag for node in episode]
        assert tags == sorted(tags, key=order.index)
    for child in root.iter("Child"):
        assert [node.tag for node in child][:2] == ["ChildIdentifiers", "ChildCharacteristics"]


def test_the_counts_match_the_file(clean: dict) -> None:
    census = clean["2026-27"]
    root = ET.fromstring(census.xml)
    counts = census.counts
    assert counts.children == len(root.findall("Children/Child")) == 700
    assert counts.episodes == len(root.findall("Children/Child/CINdetails"))
    assert counts.assessments == len(list(root.iter("Assessments")))
    assert counts.section47s == len(list(root.iter("Section47")))
    assert counts.protection_plans == len(list(root.iter("ChildProtectionPlans")))
    assert counts.cin_plans == len(list(root.iter("CINPlanDates")))
    assert counts.reviews == len(list(root.iter("CPPreviewDate")))
    assert counts.pre_proceedings == len(list(root.iter("PreProceedingsandFGDM"))) > 0
    assert counts.unborn == len(list(root.iter("ExpectedPersonBirthDate"))) > 0
    # Roughly the national shape: most children have one episode, a third are still open.
    assert 700 <= counts.episodes <= 800
    assert 0.2 < counts.open_episodes / counts.episodes < 0.6
    assert counts.nfa_referrals > 20 and counts.protection_plans > 50


@pytest.mark.parametrize("year", YEARS)
def test_a_clean_census_breaks_no_rule(clean: dict, year: str) -> None:
    assert findings(clean[year]) == set()
    assert strict_findings(clean[year]) == set()


def test_a_clean_census_has_valid_upns_and_no_weekend_conference(clean: dict) -> None:
    root = ET.fromstring(clean["2025-26"].xml)
    upns = [node.text for node in root.iter("UPN")]
    assert len(upns) > 400 and all(upn_is_valid(upn) for upn in upns)
    assert len(set(upns)) == len(upns)
    conferences = [dt.date.fromisoformat(node.text) for node in root.iter("DateOfInitialCPC")]
    assert conferences and all(day.weekday() < 5 for day in conferences)
    assert {node.text for node in root.iter("UPNunknown")} >= {"UN1"}
    flags = {node.text for node in root.iter("ReferralNFA")}
    assert flags == {"true", "false", "1", "0"}


def test_the_mistakes_are_about_the_error_rate_and_break_exactly_their_rules(
    faulty: Census,
) -> None:
    assert len(faulty.mistakes) == round(0.4 * 2500)
    assert len({m.child for m in faulty.mistakes}) == len(faulty.mistakes)
    expected = {(rule, m.child) for m in faulty.mistakes for rule in m.rules}
    actual = {(rule, child) for rule, child in findings(faulty) if child}
    assert actual == expected
    # Return-level queries stay quiet: the mistakes are one child each.
    assert {rule for rule, child in findings(faulty) if not child} == set()


def test_every_kind_of_mistake_turns_up_in_a_larger_sample(faulty: Census) -> None:
    kinds = Counter(m.kind for m in faulty.mistakes)
    assert set(kinds) == set(KINDS)
    assert len(KINDS) >= 20
    for mistake in faulty.mistakes:
        assert mistake.rules == KINDS[mistake.kind].rules and mistake.detail


def test_a_fifth_of_the_children_get_a_mistake_at_error_rate_0_2() -> None:
    census = generate(500, 3, "2024-25", 0.2)
    assert len(census.mistakes) == 100


def test_write_saves_the_bytes(tmp_path: Path, clean: dict) -> None:
    out = tmp_path / "out" / "cin.xml"
    write(clean["2024-25"], out)
    assert out.read_bytes() == clean["2024-25"].xml
    assert list(out.parent.iterdir()) == [out]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="error_rate"):
        generate(10, 1, "2025-26", 1.5)
    with pytest.raises(ValueError, match="children"):
        generate(-1, 1, "2025-26", 0.1)
    with pytest.raises(ValueError, match="collection year"):
        generate(10, 1, "2025", 0.1)
    assert generate(0, 1, "2025-26", 0.5).counts.children == 0
