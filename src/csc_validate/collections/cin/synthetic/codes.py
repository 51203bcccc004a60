"""The CIN census code lists the generator draws from, weighted roughly as councils report them."""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass

from csc_validate.periods import Period


def _expand(*spans: tuple[int, int]) -> tuple[str, ...]:
    return tuple(f"{code:03d}" for first, last in spans for code in range(first, last + 1))


# schema.md §3 (rule 1530): DfE LA numbers valid as UPN characters 2-4; 942 and 943 from 2023-24.
UPN_LA_CODES = _expand(
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841), (845, 846),
    (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919),
    (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 941),
)  # fmt: skip
UPN_LA_CODES_FROM_2023 = ("942", "943")

ETHNICITY = {
    "WBRI": 60, "WIRI": 0.5, "WIRT": 0.4, "WROM": 0.6, "WOTH": 5, "MWBC": 3, "MWBA": 1,
    "MWAS": 1, "MOTH": 3, "AIND": 1.5, "APKN": 3, "ABAN": 1.2, "AOTH": 1.5, "BCRB": 1.5,
    "BAFR": 4, "BOTH": 1, "CHNE": 0.3, "OOTH": 2.5, "REFU": 0.8, "NOBT": 3,
}  # fmt: skip
DISABILITY = {
    "LD": 20, "AUT": 22, "BEH": 14, "COMM": 12, "CON": 8, "MOB": 6, "HAND": 4, "PC": 3,
    "INC": 3, "HEAR": 3, "VIS": 2.5, "DDA": 2.5,
}  # fmt: skip
REFERRAL_SOURCE = {
    "1A": 3, "1B": 0.6, "1C": 2, "1D": 1, "2A": 19, "2B": 1.5, "3A": 2.5, "3B": 2, "3C": 0.5,
    "3D": 1.5, "3E": 3, "3F": 4, "4": 1.5, "5A": 6, "5B": 3, "5C": 4, "5D": 3, "6": 29, "7": 1,
    "8": 4, "9": 1, "10": 0.8,
}  # fmt: skip
PRIMARY_NEED = {
    "N1": 56, "N2": 3, "N3": 3, "N4": 8, "N5": 16, "N6": 2, "N7": 0.5, "N8": 5, "N9": 3, "N0": 3,
}  # fmt: skip
ABUSE = {"NEG": 48, "EMO": 37, "PHY": 7, "SAB": 4, "MUL": 4}
# How a CIN plan or a child protection episode ends when nothing else decided it.
CLOSURE_AFTER_PLAN = {"RC7": 78, "RC5": 9, "RC3": 5, "RC4": 3, "RC6": 3, "RC1": 1}
UPN_UNKNOWN_SCHOOL_AGE = {"UN2": 35, "UN3": 20, "UN4": 25, "UN5": 10, "UN6": 10}
# schema.md §3: the assessment factors. 21 ("no factors identified") is drawn separately.
FACTORS = {
    "1A": 1, "1B": 7, "1C": 1, "2A": 2, "2B": 9, "2C": 1, "3A": 16, "3B": 18, "3C": 4,
    "4A": 7, "4B": 18, "4C": 2, "5A": 1, "5B": 2, "5C": 0.5, "6A": 3, "6B": 4, "6C": 0.5,
    "7A": 1, "8B": 2, "8C": 1, "8D": 1, "8E": 0.5, "8F": 1, "9A": 0.5, "10A": 0.5, "11A": 0.5,
    "12A": 0.3, "13A": 0.5, "14A": 1, "15A": 1.5, "16A": 1.5, "17A": 1, "18A": 3, "18B": 4,
    "18C": 3, "19A": 3, "19B": 5, "19C": 4, "20": 3, "22A": 3, "23A": 0.3, "24A": 2,
}  # fmt: skip
# formats.md §2.4: from 2024-25 18A and 19A are replaced by 18B/18C and 19B/19C (8945Q, 8950Q).
FACTORS_RETIRED_2024 = frozenset({"18A", "19A"})
# dfe-updates.md §3.2 (9011): the peer accepts A, B and C; their meanings are not published yet.
# NOTE: the generator reads A as "care proceedings issued", as in the peer's 2026 sample.
PP_OUTCOMES = {"A": 30, "B": 55, "C": 15}


@dataclass(frozen=True)
class YearCodes:
    """What differs between collection years in what the generator writes."""

    period: Period
    sex_element: str  # "GenderCurrent" up to 2023-24, "Sex" from 2024-25
    male: str
    female: str
    unknown: str  # the unborn child's code: 0 or U
    factors: dict[str, float]
    upn_la_codes: tuple[str, ...]
    pre_proceedings: bool  # dfe-updates.md §4: the PreProceedingsandFGDM block from 2026-27


def for_year(period: Period) -> YearCodes:
    first = period.start.year
    if first >= 2024:
        sex = ("Sex", "M", "F", "U")
        factors = {code: w for code, w in FACTORS.items() if code not in FACTORS_RETIRED_2024}
    else:
        sex = ("GenderCurrent", "1", "2", "0")
        factors = dict(FACTORS)
    la_codes = UPN_LA_CODES + (UPN_LA_CODES_FROM_2023 if first >= 2023 else ())
    return YearCodes(period, *sex, factors, la_codes, first >= 2026)


class Picker:
    """Weighted draws from the code lists, with the weights prepared once."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._prepared: dict[int, tuple[list[str], list[float]]] = {}

    def pick(self, weights: dict[str, float]) -> str:
        prepared = self._prepared.get(id(weights))
        if prepared is None:
            codes = list(weights)
            total, cumulative = 0.0, []
            for code in codes:
                total += weights[code]
                cumulative.append(total)
            prepared = self._prepared[id(weights)] = (codes, cumulative)
        codes, cumulative = prepared
        return codes[bisect_right(cumulative, self.rng.random() * cumulative[-1])]

    def distinct(self, weights: dict[str, float], count: int) -> list[str]:
        """`count` different codes, in the order drawn."""
        chosen: list[str] = []
        while len(chosen) < min(count, len(weights)):
            code = self.pick(weights)
            if code not in chosen:
                chosen.append(code)
        return chosen
