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
