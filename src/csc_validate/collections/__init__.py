"""The collections csc-validate checks: each is a package here, and only these packages name one."""

import datetime as dt
from functools import cache

from csc_validate.collection import Collection
from csc_validate.errors import UsageError
from csc_validate.periods import Period


@cache
def registry() -> dict[str, Collection]:
    """Every collection by name; the first is the default where a command needs one."""
    from csc_validate.collections import cin, ssda903

    return {chosen.name: chosen for chosen in (ssda903.COLLECTION, cin.COLLECTION)}


def get(name: str) -> Collection:
    known = registry()
    if name not in known:
        raise UsageError(f"unknown collection {name!r} (known: {', '.join(known)})")
    return known[name]


def default() -> Collection:
    return next(iter(registry().values()))


def owning_xml_root(tag: str) -> Collection | None:
    """The collection whose XML returns have this root element."""
    for chosen in registry().values():
        if tag in chosen.xml_readers:
            return chosen
    return None


def period(collection: str, year: str, as_at: dt.date | None = None) -> Period:
    """The period a check of `collection`'s `year` covers: the whole year, or from its first day
    to `as_at` for a year-to-date extract (UsageError when the date is outside the year)."""
    whole = get(collection).period(year)
    try:
        return whole.up_to(as_at)
    except ValueError as error:
        raise UsageError(f"--as-at: {error}") from None
