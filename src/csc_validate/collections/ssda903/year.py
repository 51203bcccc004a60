"""Which SSDA903 collection year a return describes, from where its episodes fall."""

import polars as pl

from csc_validate.collections.ssda903.dates import DATE_FORMATS
from csc_validate.periods import financial_year
from csc_validate.readers.casting import read_date_values
from csc_validate.readers.detect import Detected

# A collection year is named by four digits for each of its two calendar years.
LAST_FIRST_YEAR = 9998


def infer_year(found: list[Detected]) -> tuple[str, str] | None:
    """The collection year during which the most episodes are open.

    Every episode of a return is open at some time in its year: it starts by 31 March and has
    not ended before 1 April. An episode dated after the year (a start typed in April, say) is
    then one against the rest, and a finding of the year's rules rather than a reason to check
    another year. Where years tie (episodes still open that started long ago), the year in
    which more episodes start or end wins, then the earlier. Today's date plays no part.
    """
    episodes = next((match for match in found if match.table == "Episodes"), None)
    if episodes is None:
        return None
    columns = episodes.sheet.columns
    height = episodes.sheet.height
    frame = pl.DataFrame(
        {
            "start": _dates(columns.get("DECOM", [None] * height)),
            "end": _dates(columns.get("DEC", [None] * height)),
        }
    ).filter(pl.col("start").is_not_null())
    if not frame.height:
        return None
    # Fewer episodes are open in a year without starts than in the year before it, so the year
    # is one in which episodes start, or the next (where they end): a typed-in 1900 or 2062
    # adds two candidates, not a century of them.
    begins = frame.select(pl.col("start").dt.offset_by("-3mo").dt.year().unique())
    # A date the return's format cannot read (09/04/25, 01/01/0001) is null here: a finding on
    # its row, never a candidate year.
    candidates = sorted(
        {
            begin + step
            for begin in begins.to_series().to_list()
            for step in (0, 1)
            if begin + step <= LAST_FIRST_YEAR
        }
    )
    scores = {year: _score(frame, year) for year in map(_named, candidates)}
    year = max(scores, key=lambda year: (*scores[year], -int(year[:4])))
    period = financial_year(year)
    later = frame.filter(pl.col("start") > period.end).height
    why = (
        f"{scores[year][0]} of the {height} episodes in {episodes.sheet.where} are open between "
        f"{period.start:%d/%m/%Y} and {period.end:%d/%m/%Y}"
    )
    if later:
        why += f"; {later} start after it and are reported as findings"
    return year, why


def _score(frame: pl.DataFrame, year: str) -> tuple[int, int]:
    """(episodes open in the year, starts and ends within it)."""
    period = financial_year(year)
    is_open = (pl.col("start") <= period.end) & (
        pl.col("end").is_null() | (pl.col("end") >= period.start)
    )
    inside = [pl.col(name).is_between(period.start, period.end) for name in ("start", "end")]
    counts = frame.select(is_open.sum(), (inside[0].sum() + inside[1].sum()).alias("events"))
    return int(counts.item(0, 0)), int(counts.item(0, 1))


def _dates(values: list[str | None]) -> pl.Series:
    return read_date_values(values, DATE_FORMATS)


def _named(begin: int) -> str:
    """The collection year that begins on 1 April of `begin`: 2025 -> "2025-26"."""
    return f"{begin}-{(begin + 1) % 100:02d}"
