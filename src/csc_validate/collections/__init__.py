"""The collections csc-validate checks: each is a package here, and only these packages name one."""

from functools import cache

from csc_validate.collection import Collection
from csc_validate.errors import UsageError


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
