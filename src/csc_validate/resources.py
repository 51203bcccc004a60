"""Where the rule packs and schemas are: inside the installed package, or at the repository top."""

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The `rules` or `schemas` folder: shipped in the wheel, or beside `src/` in a checkout."""
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"csc-validate is installed without its {name}/ folder")


def collection_dir(name: str, collection: str) -> Path:
    """The collection's own `rules` or `schemas` folder: where its Collection says (one from
    another package), else the collection's folder in csc-validate's own."""
    from csc_validate import collections  # the registry imports modules that import this one

    chosen = collections.registry().get(collection)
    own = getattr(chosen, f"{name}_dir", None) if chosen is not None else None
    return own if own is not None else data_dir(name) / collection


def pack_years(collection: str) -> list[str]:
    """The years the collection has a rule pack for, oldest first."""
    folder = collection_dir("rules", collection)
    if not folder.is_dir():
        return []
    return sorted(path.parent.name for path in folder.glob("*/pack.toml"))
