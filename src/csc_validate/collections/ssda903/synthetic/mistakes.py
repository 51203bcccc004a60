"""Mistakes that analysts really make in SSDA903 extracts, put into a clean synthetic return."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from csc_validate.collections.ssda903.dates import DATE_FORMATS
from csc_validate.readers.casting import read_date

Row = dict[str, str | None]
Rows = dict[str, list[Row]]
DAY = dt.timedelta(days=1)


class Mistake(BaseModel):
    """One deliberate mistake: which child, where, and what was done."""

    model_config = ConfigDict(frozen=True)

    kind: str
    table: str
    child: str
    field: str
    detail: str


def parse(text: str | None) -> dt.date | None:
    return read_date(text, DATE_FORMATS)


def written(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


class Injector:
    """Puts mistakes into the rows of this year's tables, one child at a time."""

    def __init__(
        self,
        rng: random.Random,
        rows: Rows,
        previous_dobs: dict[str, str | None],
        codes: dict[str, tuple[str, ...]],
    ) -> None:
        self.rng = rng
        self.rows = rows
        self.previous_dobs = previous_dobs
        self.female = codes["SEX_FEMALE"]
        self.respite = codes["LS_RESPITE"]
        self.index: dict[str, dict[str, list[Row]]] = {}
        for table, table_rows in rows.items():
            by_child = self.index.setdefault(table, {})
            for row in table_rows:
                by_child.setdefault(row["CHILD"] or "", []).append(row)
        self.duplicates: list[Row] = []
        self.changed: set[tuple[int, str]] = set()  # (row, field) already given a mistake
        # How often each kind is tried first: the everyday slips most, the rarer ones less.
        self.kinds: dict[str, tuple[float, Callable[[str], Mistake | None]]] = {
            "invalid_code": (14, self.invalid_code),
            "blank_code": (8, self.blank_code),
            "impossible_date": (6, self.impossible_date),
            "iso_date": (6, self.iso_date),
            "dec_before_decom": (5, self.dec_before_decom),
            "overlapping_episodes": (6, self.overlapping_episodes),
            "open_episode_followed": (5, self.open_episode_followed),
            "dec_without_rec": (4, self.dec_without_rec),
            "rec_without_dec": (4, self.rec_without_dec),
            "malformed_upn": (6, self.malformed_upn),
            "mother_blank": (5, self.mother_blank),
            "episode_before_birth": (3, self.episode_before_birth),
            "pn0_older_child": (4, self.pn0_older_child),
            "missing_end_before_start": (4, self.missing_end_before_start),
            "duplicate_header": (4, self.duplicate_header),
            "dob_changed": (5, self.dob_changed),
            "duc_after_18": (4, self.duc_after_18),
            "missing_provider": (4, self.missing_provider),
        }

    def mistakes_for(self, child: str) -> list[Mistake]:
        """One mistake for the child, sometimes two, of kinds that fit their records."""
        rng = self.rng
        names = list(self.kinds)
        weights = [self.kinds[n][0] for n in names]
        found: list[Mistake] = []
        wanted = 2 if rng.random() < 0.15 else 1
        while names and len(found) < wanted:
            name = rng.choices(names, weights)[0]
            at = names.index(name)
            names.pop(at)
            weights.pop(at)
            mistake = self.kinds[name][1](child)
            if mistake is not None:
                found.append(mistake)
        return found

    def finish(self) -> None:
        """Duplicated header rows go in last, beside the row they copy."""
        header = self.rows["Header"]
        for copy in self.duplicates:
            position = next(i for i, row in enumerate(header) if row["CHILD"] == copy["CHILD"])
            header.insert(position + 1, copy)

    # -- helpers ---------------------------------------------------------------------------------

    def _rows(self, table: str, child: str, where: Callable[[Row], bool] = bool) -> list[Row]:
        return [row for row in self.index.get(table, {}).get(child, []) if where(row)]

    def _change(
        self, kind: str, table: str, child: str, row: Row, field: str, value: str | None
    ) -> Mistake | None:
        """Set the value and record it; None, changing nothing, if a mistake is already there."""
        if (id(row), field) in self.changed:
            return None
        self.changed.add((id(row), field))
        old = row[field]
        row[field] = value
        return Mistake(
            kind=kind, table=table, child=child, field=field, detail=f"{field} {old!r} -> {value!r}"
        )

    def _dob(self, child: str) -> dt.date | None:
        header = self._rows("Header", child)
        return parse(header[0]["DOB"]) if header else None

    # -- the kinds -------------------------------------------------------------------------------

    def invalid_code(self, child: str) -> Mistake | None:
        """A code from memory or an old list: 'WBR' for WBRI, 'U7', 'C3', 'PN9'."""
        options = [
            ("Header", "ETHNIC", ("WBR", "W1", "BRIT")),
            ("Episodes", "PLACE", ("U7", "K4", "Z2")),
            ("Episodes", "LS", ("C3", "V1", "E2")),
            ("Reviews", "REVIEW_CODE", ("PN9", "PN8", "P1")),
        ]
        options = [o for o in options if self._rows(o[0], child)]
        table, field, values = self.rng.choice(options)
        row = self.rng.choice(self._rows(table, child))
        return self._change("invalid_code", table, child, row, field, self.rng.choice(values))

    def blank_code(self, child: str) -> Mistake | None:
        """A mandatory code left blank (rules 103, 167, 442, 565)."""
        options = [
            ("Header", "ETHNIC"),
            ("Header", "UPN"),
            ("Reviews", "REVIEW_CODE"),
            ("Missing", "MISSING"),
        ]
        options = [o for o in options if self._rows(o[0], child)]
        if not self._rows("Episodes", child, lambda r: r["LS"] not in self.respite):
            options.remove(("Header", "UPN"))  # rule 442 asks it only of children in care
        table, field = self.rng.choice(options)
        row = self.rng.choice(self._rows(table, child))
        return self._change("blank_code", table, child, row, field, None)

    def impossible_date(self, child: str) -> Mistake | None:
        rows = self._rows("Episodes", child)
        if not rows:
            return None
        row = self.rng.choice(rows)
        field = "DEC" if row["DEC"] and self.rng.random() < 0.5 else "DECOM"
        year = (row[field] or "")[-4:]
        day = self.rng.choice(("31/02", "30/02", "31/04", "31/06", "31/09", "31/11"))
        return self._change("impossible_date", "Episodes", child, row, field, f"{day}/{year}")

    def iso_date(self, child: str) -> Mistake | None:
        """A date typed or exported the ISO way, as spreadsheets often do."""
        rows = self._rows("Episodes", child)
        table, row, field = (
            ("Episodes", self.rng.choice(rows), "DECOM")
            if rows
            else ("Header", self._rows("Header", child)[0], "DOB")
        )
        day = parse(row[field])
        if day is None:
            return None
        return self._change("iso_date", table, child, row, field, day.isoformat())

    def dec_before_decom(self, child: str) -> Mistake | None:
        rows = self._rows("Episodes", child, lambda r: parse(r["DEC"]) is not None)
        if not rows:
            return None
        row = self.rng.choice(rows)
        decom = parse(row["DECOM"])
        if decom is None:
            return None
        early = decom - self.rng.randint(1, 30) * DAY
        return self._change("dec_before_decom", "Episodes", child, row, "DEC", written(early))

    def overlapping_episodes(self, child: str) -> Mistake | None:
        """The next episode starts a few days before the previous one ended."""
        rows = self._rows("Episodes", child)
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(rows)
            if a["DEC"]
            and a["DEC"] == b["DECOM"]
            and (d := parse(a["DECOM"])) is not None
            and (e := parse(a["DEC"])) is not None
            and (e - d).days > 6
        ]
        if not pairs:
            return None
        before, after = self.rng.choice(pairs)
        start = parse(before["DEC"]) - self.rng.randint(1, 5) * DAY  # type: ignore[operator]
        return self._change(
            "overlapping_episodes", "Episodes", child, after, "DECOM", written(start)
        )

    def open_episode_followed(self, child: str) -> Mistake | None:
        """An episode left open although another one follows it."""
        rows = self._rows("Episodes", child)
        if len(rows) < 2:
            return None
        row = self.rng.choice(rows[:-1])
        mistake = self._change("open_episode_followed", "Episodes", child, row, "DEC", None)
        if mistake is not None:
            row["REC"] = row["REASON_PLACE_CHANGE"] = None
        return mistake

    def dec_without_rec(self, child: str) -> Mistake | None:
        rows = self._rows("Episodes", child, lambda r: bool(r["DEC"]))
        if not rows:
            return None
        return self._change(
            "dec_without_rec", "Episodes", child, self.rng.choice(rows), "REC", None
        )

    def rec_without_dec(self, child: str) -> Mistake | None:
        rows = self._rows("Episodes", child, lambda r: bool(r["DEC"]))
        if not rows:
            return None
        return self._change(
            "rec_without_dec", "Episodes", child, self.rng.choice(rows), "DEC", None
        )

    def malformed_upn(self, child: str) -> Mistake | None:
        row = self._rows("Header", child)[0]
        upn = row["UPN"] or ""
        if len(upn) == 13:
            broken = self.rng.choice((upn[:-1], "O" + upn[1:], upn[:4] + " " + upn[4:]))
        else:
            broken = self.rng.choice(("UN6", "UN", "N/A"))
        return self._change("malformed_upn", "Header", child, row, "UPN", broken)

    def mother_blank(self, child: str) -> Mistake | None:
        """MOTHER left blank for a girl in care; it must say 0 or 1 (rule 393)."""
        rows = self._rows("Header", child, lambda r: r["SEX"] in self.female and r["MOTHER"] == "0")
        if not rows:
            return None
        return self._change("mother_blank", "Header", child, rows[0], "MOTHER", None)

    def episode_before_birth(self, child: str) -> Mistake | None:
        rows = self._rows("Episodes", child)
        dob = self._dob(child)
        if not rows or dob is None:
            return None
        early = dob - self.rng.randint(5, 200) * DAY
        return self._change(
            "episode_before_birth", "Episodes", child, rows[0], "DECOM", written(early)
        )

    def pn0_older_child(self, child: str) -> Mistake | None:
        """PN0 (under 4 at the review) for a child of 10 or more."""
        dob = self._dob(child)
        rows = self._rows(
            "Reviews",
            child,
            lambda r: dob is not None and ((parse(r["REVIEW"]) or dob) - dob).days > 3660,
        )
        if not rows:
            return None
        return self._change(
            "pn0_older_child", "Reviews", child, self.rng.choice(rows), "REVIEW_CODE", "PN0"
        )

    def missing_end_before_start(self, child: str) -> Mistake | None:
        rows = self._rows("Missing", child, lambda r: bool(r["MIS_END"]))
        if not rows:
            return None
        row = self.rng.choice(rows)
        start = parse(row["MIS_START"])
        if start is None:
            return None
        early = start - self.rng.randint(1, 5) * DAY
        return self._change(
            "missing_end_before_start", "Missing", child, row, "MIS_END", written(early)
        )

    def duplicate_header(self, child: str) -> Mistake | None:
        row = self._rows("Header", child)[0]
        if any(copy["CHILD"] == child for copy in self.duplicates):
            return None
        self.duplicates.append(dict(row))
        return Mistake(
            kind="duplicate_header",
            table="Header",
            child=child,
            field="CHILD",
            detail="Header row for the child written twice",
        )

    def dob_changed(self, child: str) -> Mistake | None:
        """A date of birth that differs from last year's, often a day and month swapped."""
        old = parse(self.previous_dobs.get(child))
        if old is None or self._dob(child) != old:
            return None
        new = old + self.rng.choice((-1, 1)) * self.rng.randint(1, 40) * DAY
        if old.day <= 12 and old.day != old.month:
            new = old.replace(day=old.month, month=old.day)
        header = self._rows("Header", child)[0]
        mistake = self._change("dob_changed", "Header", child, header, "DOB", written(new))
        if mistake is not None:  # the child's other rows come from the same record
            for by_child in self.index.values():
                for row in by_child.get(child, []):
                    if "DOB" in row:
                        row["DOB"] = written(new)
        return mistake

    def duc_after_18(self, child: str) -> Mistake | None:
        rows = self._rows("UASC", child)
        dob = self._dob(child)
        if not rows or dob is None:
            return None
        late = dob.replace(year=dob.year + 18) + self.rng.randint(1, 200) * DAY
        return self._change("duc_after_18", "UASC", child, rows[0], "DUC", written(late))

    def missing_provider(self, child: str) -> Mistake | None:
        rows = self._rows("Episodes", child, lambda r: bool(r["PLACE_PROVIDER"]))
        if not rows:
            return None
        return self._change(
            "missing_provider", "Episodes", child, self.rng.choice(rows), "PLACE_PROVIDER", None
        )


def inject(
    rng: random.Random,
    rows: Rows,
    previous_header: list[Row],
    error_rate: float,
    codes: dict[str, tuple[str, ...]],
) -> list[Mistake]:
    """Mistakes for a share `error_rate` of this year's children, recorded as they are made.

    `codes` are the year's code lists, which tell girls and short breaks apart.
    """
    children = [row["CHILD"] or "" for row in rows["Header"]]
    chosen = set(rng.sample(children, round(error_rate * len(children))))
    injector = Injector(rng, rows, {r["CHILD"] or "": r["DOB"] for r in previous_header}, codes)
    mistakes = [m for child in children if child in chosen for m in injector.mistakes_for(child)]
    injector.finish()
    return mistakes
