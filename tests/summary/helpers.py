"""Small hand-built returns loaded as real files are, and their figures by (id, category)."""

from csc_validate import schemas
from csc_validate.periods import Period
from csc_validate.rulekit.cases import Case, CaseTable
from csc_validate.summary.compute import summarise
from csc_validate.summary.model import Summary
from csc_validate.testing import build_tables


def summary_of(
    collection: str,
    tables: dict[str, CaseTable],
    year: str = "2025-26",
    period: Period | None = None,
    earlier: dict[str, dict[str, CaseTable]] | None = None,
) -> Summary:
    """`earlier` gives returns from before last year, by year, as --previous gives them."""
    case = Case("summary", tables=tables, earlier=earlier or {})
    loaded = build_tables(case, collection, year)
    return summarise(loaded, schemas.load(collection, year), None, period=period)


def values(summary: Summary) -> dict[tuple[str, str | None], int | float | None]:
    """{(id, None): headline, (id, "category"): value} for every entry."""
    found: dict[tuple[str, str | None], int | float | None] = {}
    for entry in summary.figures:
        category = None if entry.breakdown is None else next(iter(entry.breakdown.values()))
        name = None if entry.breakdown is None else next(iter(entry.breakdown))
        found[(entry.id, None if name is None else f"{name}={category}")] = entry.value
    return found
