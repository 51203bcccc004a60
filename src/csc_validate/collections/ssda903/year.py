"""Which SSDA903 collection year a return describes."""

import datetime as dt

from csc_validate.collection import latest_date
from csc_validate.periods import year_containing
from csc_validate.readers.detect import Detected


def infer_year(found: list[Detected]) -> tuple[str, str] | None:
    """The year of the latest episode start: every return has episodes starting in its year."""
    for match in found:
        if match.table == "Episodes":
            latest = latest_date(match.sheet.columns.get("DECOM", []), "%d/%m/%Y", dt.date.today())
            if latest is not None:
                why = f"the latest episode start in {match.sheet.where} is {latest:%d/%m/%Y}"
                return year_containing(latest), why
    return None
