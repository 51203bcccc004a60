"""The collections csc-validate checks: each is a package here, and only these packages name one."""

import datetime as dt
import importlib
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from csc_validate.collection import Collection
from csc_validate.errors import UsageError
from csc_validate.periods import Period

# csc-validate's own collections, by the module whose COLLECTION each is; the first is the
# default where a command needs one.
BUILT_IN = ("csc_validate.collections.ssda903", "csc_validate.collections.cin")
# Another package adds a collection with an entry point in this group naming its Collection:
#   [project.entry-points."csc_validate.collections"]
#   sen2 = "csc_sen2.collection:COLLECTION"
ENTRY_POINT_GROUP = "csc_validate.collections"


@dataclass(frozen=True)
class BrokenPlugin:
    """A collection another package declares that could not be used, and why."""

    name: str
    source: str
    error: str

    def message(self) -> str:
        return (
            f"the collection {self.name!r} ({self.source}) could not be loaded: {self.error}; "
            "reinstall or remove the package that adds it"
        )


def plugin_entry_points() -> tuple[metadata.EntryPoint, ...]:
    """The installed packages' entry points that add collections."""
    return tuple(metadata.entry_points(group=ENTRY_POINT_GROUP))


@cache
def _loaded() -> tuple[dict[str, Collection], tuple[BrokenPlugin, ...]]:
    known = {
        chosen.name: chosen
        for chosen in (importlib.import_module(module).COLLECTION for module in BUILT_IN)
    }
    broken: list[BrokenPlugin] = []
    for point in plugin_entry_points():
        source = f"entry point {point.name} = {point.value}"
        if point.dist is not None:
            source += f" of the package {point.dist.name}"
        try:
            chosen = point.load()
        except Exception as error:  # a plug-in's bug must not stop the built-in collections
            broken.append(BrokenPlugin(point.name, source, f"{type(error).__name__}: {error}"))
            continue
        if not isinstance(chosen, Collection):
            found = type(chosen).__name__
            broken.append(BrokenPlugin(point.name, source, f"it is a {found}, not a Collection"))
        elif chosen.name in known:
            broken.append(
                BrokenPlugin(point.name, source, f"the name {chosen.name!r} is already taken")
            )
        else:
            known[chosen.name] = chosen
    return known, tuple(broken)


def registry() -> dict[str, Collection]:
    """Every collection by name: the built-in ones first, then those other packages add."""
    return _loaded()[0]


def broken_plugins() -> tuple[BrokenPlugin, ...]:
    """The collections other packages declare that could not be loaded."""
    return _loaded()[1]


def reload() -> None:
    """Read the registry again (after packages are installed, or in tests)."""
    _loaded.cache_clear()


def get(name: str) -> Collection:
    known = registry()
    if name not in known:
        for plugin in broken_plugins():
            if plugin.name == name:
                raise UsageError(plugin.message())
        raise UsageError(f"unknown collection {name!r} (known: {', '.join(known)})")
    return known[name]


def with_examples() -> list[str]:
    """The collections that can write example data (`example-data`)."""
    return [name for name, chosen in registry().items() if chosen.write_examples is not None]


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
