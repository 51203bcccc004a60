"""Which years a case runs in, for a rule whose years differ: the years of its collection's packs
from a year on, so that a case written for a change still runs when a later pack is added."""

from csc_validate.resources import pack_years


def from_year(collection: str, first: str) -> tuple[str, ...]:
    """The collection's pack years from `first` on, e.g. ("2024-25", "2025-26", ...)."""
    years = tuple(year for year in pack_years(collection) if year >= first)
    if first not in years:
        raise ValueError(f"no {collection} pack for {first}")
    return years
