"""Which years a case runs in, for a rule whose years differ: the years of its collection's packs
from a year on, so that a case written for a change still runs when a later pack is added."""


def from_year(collection: str, first: str) -> tuple[str, ...]:
    """The collection's pack years from `first` on, e.g. ("2024-25", "2025-26", ...)."""
    # Imported here: the packs load the rule modules that call this, so they are loaded by then.
    from csc_validate import packs

    years = tuple(year for year in packs.years(collection) if year >= first)
    if first not in years:
        raise ValueError(f"no {collection} pack for {first}")
    return years
