"""The SSDA903 (children looked after) collection: year inference and columns DfE derives."""

import datetime as dt

import polars as pl

from csc_validate.collection import Collection, latest_date
from csc_validate.periods import year_containing
from csc_validate.readers.detect import Detected
from csc_validate.tables import PREVIOUS_SUFFIX


def infer_year(found: list[Detected]) -> tuple[str, str] | None:
    """The year of the latest episode start: every return has episodes starting in its year."""
    for match in found:
        if match.table == "Episodes":
            latest = latest_date(match.sheet.columns.get("DECOM", []), "%d/%m/%Y", dt.date.today())
            if latest is not None:
                why = f"the latest episode start in {match.sheet.where} is {latest:%d/%m/%Y}"
                return year_containing(latest), why
    return None


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


COLLECTION = Collection(
    name="ssda903",
    title="SSDA903 children looked after return",
    child_column="CHILD",
    infer_year=infer_year,
    derive=derive,
)
