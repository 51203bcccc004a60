"""Unique pupil numbers with a correct check letter, and councils' own child IDs."""

from __future__ import annotations

import random

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter(body: str) -> str:
    """schema.md §3 (rule 1510): characters 2-13 weighted 2-13, summed, modulo 23."""
    total = sum(int(char) * weight for weight, char in enumerate(body, start=2))
    return CHECK_LETTERS[total % 23]


def upn_is_valid(upn: str) -> bool:
    body = upn[1:]
    return len(upn) == 13 and body.isdigit() and upn[0] == check_letter(body)


class UpnIssuer:
    """Permanent UPNs: LA number, school number, year of allocation, serial; never repeated."""

    def __init__(self, rng: random.Random, home_la: str, la_codes: tuple[str, ...]) -> None:
        self.rng = rng
        self.home_la = home_la
        self.la_codes = la_codes
        self.issued: set[str] = set()

    def issue(self, allocated_in: int, elsewhere: bool = False) -> str:
        rng = self.rng
        while True:
            # Most children got their UPN at a school in this council; some moved in.
            la = rng.choice(self.la_codes) if elsewhere or rng.random() < 0.12 else self.home_la
            school = rng.randint(2000, 7499)
            body = f"{la}{school:04d}{allocated_in % 100:02d}{rng.randint(0, 999):03d}"
            upn = check_letter(body) + body
            if upn not in self.issued:
                self.issued.add(upn)
                return upn


def child_ids(rng: random.Random, count: int) -> list[str]:
    """Case-management person numbers: 6 or 7 digits, unique, in the order a system lists them."""
    numbers = rng.sample(range(100_000, 2_000_000), count)
    return [str(number) for number in sorted(numbers)]
