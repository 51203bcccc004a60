"""Which CIN census year a file describes: its header says so."""

import re

from csc_validate.collections.cin.dates import DATE_FORMATS
from csc_validate.periods import year_containing
from csc_validate.readers.casting import read_date
from csc_validate.readers.detect import Detected

FOUR_DIGITS = re.compile(r"^\d{4}$")


def infer_year(found: list[Detected]) -> tuple[str, str] | None:
    """The census year from Header/CollectionDetails: Year is the year the census ends in
    (2026 for 2025-26); without a readable Year, the year holding the ReferenceDate."""
    for match in found:
        if match.table != "Header" or not match.sheet.height:
            continue
        where = match.sheet.where
        columns = {name.upper(): values for name, values in match.sheet.columns.items()}
        ends = (columns.get("YEAR") or [None])[0]
        if ends is not None and FOUR_DIGITS.match(ends.strip()):
            first = int(ends.strip()) - 1
            return f"{first}-{(first + 1) % 100:02d}", f"the header of {where} gives Year {ends}"
        reference = (columns.get("REFERENCEDATE") or [None])[0]
        day = read_date(reference, DATE_FORMATS)
        if day is not None:
            why = f"the header of {where} gives ReferenceDate {reference.strip()}"  # type: ignore[union-attr]
            return year_containing(day), why
    return None
