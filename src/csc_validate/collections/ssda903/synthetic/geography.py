"""Real postcodes for synthetic children: homes in the council's area, placements mostly near
home, some in neighbouring councils and a few far away.

They are drawn from the ONS Postcode Directory that csc-validate installs for the postcode rules,
so a synthetic return checked with `--la` for COUNCIL has every postcode found, and PL_LA,
PL_LOCATION and PL_DISTANCE come out as the placements were meant: IN or OUT, near or far.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cache

import polars as pl

from csc_validate.collections.ssda903.reference import authorities, postcodes
from csc_validate.collections.ssda903.synthetic.records import pick

# The synthetic council: Leeds (DfE 383).
COUNCIL = "E08000035"
# Only the directory's files of postcodes starting L and W are read (about a second): they hold
# Leeds (LS, WF), parts of its neighbours (Bradford, Kirklees, Wakefield, North Yorkshire) and
# councils far off (Liverpool, Lancashire, Leicester, Lincolnshire, Wigan, Walsall, London...).
LETTERS = ("L", "W")
METRES_PER_MILE = 1609.3
# A neighbouring council's postcode: within this many miles of the council's centre.
NEAR_MILES = 15.0
# A far placement: this many miles from the council's centre. Rule 454 flags over 350 miles from
# home, and Leeds is under 15 miles across.
FAR_MILES = (60.0, 250.0)
# A placement "near home" in the council's area: at most this many miles from the child's home.
HOME_MILES = 5.0
# Where placements are: in the council near home, in a neighbouring council, far away. Shared
# sites (homes, schools, hospitals) are not chosen for one child's home.
PLACEMENT_MIX = {"home": 72, "near": 20, "far": 8}
SITE_MIX = {"home": 60, "near": 30, "far": 10}
# Tries at a postcode near home before any postcode in the council will do.
NEAR_HOME_TRIES = 40


@dataclass(frozen=True)
class Area:
    """Postcodes ("LS1 1AA") with their OS grid references in metres."""

    postcodes: tuple[str, ...]
    east: tuple[float, ...]
    north: tuple[float, ...]


def council() -> authorities.Council:
    return authorities.council(COUNCIL)


@cache
def areas() -> dict[str, Area]:
    """ "home" (the council's own postcodes), "near" (neighbours') and "far" (England, far off)."""
    east = pl.col("oseast1m").cast(pl.Float64, strict=False)
    north = pl.col("osnrth1m").cast(pl.Float64, strict=False)
    district = pl.col("laua").cast(pl.String)
    packed = pl.col("pcd").str.replace_all(r"\s", "")  # "LS170AA" as the package packs it
    # Left out, though the rules accept them: grid references rounded to 100 m (mostly postcodes
    # Royal Mail has retired, such as W1P 4HA) and districts 90 to 99 (PO boxes, such as LS99).
    rounded = (east % 100 == 0) & (north % 100 == 0)
    post_box = packed.str.contains(r"^[A-Z]{1,2}9\d\d[A-Z]{2}$")
    # Postcodes in England with a grid reference and a district, as the postcode rules read them.
    england = (
        postcodes.read_letters(LETTERS)
        .filter(district.str.starts_with("E") & east.is_finite() & north.is_finite())
        .filter(~rounded & ~post_box)
        .select(
            POSTCODE=pl.concat_str(packed.str.head(-3), pl.lit(" "), packed.str.tail(3)),
            LA=district.replace_strict(authorities.district_to_council(), default=None),
            EAST=east,
            NORTH=north,
        )
        .filter(pl.col("LA").is_not_null() & pl.col("POSTCODE").is_unique())
    )
    own = pl.col("LA") == COUNCIL
    centre = england.filter(own).select(pl.col("EAST").mean(), pl.col("NORTH").mean()).row(0)
    miles = (
        (pl.col("EAST") - centre[0]).pow(2) + (pl.col("NORTH") - centre[1]).pow(2)
    ).sqrt() / METRES_PER_MILE
    chosen = {
        "home": own,
        "near": ~own & (miles < NEAR_MILES),
        "far": miles.is_between(*FAR_MILES),
    }
    return {name: _area(england.filter(where)) for name, where in chosen.items()}


def _area(frame: pl.DataFrame) -> Area:
    return Area(
        tuple(frame["POSTCODE"].to_list()),
        tuple(frame["EAST"].to_list()),
        tuple(frame["NORTH"].to_list()),
    )


class Geography:
    """Chooses home and placement postcodes for one synthetic council, from its random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.areas = areas()
        home = self.areas["home"]
        self.home_grid = dict(
            zip(home.postcodes, zip(home.east, home.north, strict=True), strict=True)
        )

    def home(self) -> str:
        """A postcode in the council's area."""
        return self.rng.choice(self.areas["home"].postcodes)

    def in_council(self, postcode: str) -> bool:
        return postcode in self.home_grid

    def placement(self, home: str | None, avoid: str | None = None) -> str:
        """A placement postcode for a child living at `home` (none for UASC); never `avoid`."""
        return self._choose(PLACEMENT_MIX, home, avoid)

    def site(self) -> str:
        """The postcode of a home, school or hospital that children from all over share."""
        return self._choose(SITE_MIX, None, None)

    def _choose(self, mix: dict[str, float], home: str | None, avoid: str | None) -> str:
        rng = self.rng
        while True:
            where = pick(rng, mix)
            if where == "home" and home in self.home_grid:
                postcode = self._near(home)
            else:
                postcode = rng.choice(self.areas[where].postcodes)
            if postcode != avoid:  # rule 392d: only P1 placements may share the home postcode
                return postcode

    def _near(self, home: str) -> str:
        """A postcode in the council's area within HOME_MILES of `home`, if one comes up."""
        area, rng = self.areas["home"], self.rng
        east, north = self.home_grid[home]
        for _ in range(NEAR_HOME_TRIES):
            index = rng.randrange(len(area.postcodes))
            miles = math.hypot(area.east[index] - east, area.north[index] - north)
            if miles / METRES_PER_MILE <= HOME_MILES:
                return area.postcodes[index]
        return area.postcodes[index]
