"""Columns DfE derives when it loads an SSDA903 return."""

import polars as pl

from csc_validate.tables import PREVIOUS_SUFFIX


def derive(frames: dict[str, pl.DataFrame], formats: dict[str, str]) -> dict[str, pl.DataFrame]:
    """Header.UASC: the XML carries it; from CSV a child is UASC when listed in the UASC table."""
    derived = dict(frames)
    for suffix in ("", PREVIOUS_SUFFIX):
        header = frames.get(f"Header{suffix}")
        if header is None or formats.get(f"Header{suffix}") == "xml":
            continue
        uasc = frames.get(f"UASC{suffix}")
        listed = uasc["CHILD"].drop_nulls() if uasc is not None else pl.Series([], dtype=pl.String)
        is_listed = pl.col("CHILD").is_in(listed.unique().implode())
        derived[f"Header{suffix}"] = header.with_columns(
            UASC=pl.when(is_listed).then(pl.lit("1")).otherwise(pl.lit("0"))
        )
    return derived
