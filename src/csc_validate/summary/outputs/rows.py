"""The summary as rows of text, shared by the table outputs (terminal, CSV, workbook)."""

from csc_validate.summary.model import Entry, Summary

COLUMNS = (
    "id",
    "label",
    "counts",
    "breakdown",
    "category",
    "value",
    "share",
    "previous",
    "change",
    "flag",
    "data_quality",
    "warning",
    "note",
    "dfe_table",
    "definition",
)


def number(value: int | float | None) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def share(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def readable(key: str) -> str:
    """A breakdown's key as words: legal_status is "legal status"."""
    return key.replace("_", " ")


def category(entry: Entry) -> tuple[str, str]:
    if entry.breakdown is None:
        return "", ""
    ((name, value),) = entry.breakdown.items()
    return name, value


def cells(entry: Entry) -> dict[str, object]:
    """One entry as plain values: numbers stay numbers, for the CSV and the workbook."""
    name, value = category(entry)
    previous = entry.previous
    return {
        "id": entry.id,
        "label": entry.label,
        "counts": entry.counts,
        "breakdown": name,
        "category": value,
        "value": entry.value,
        "share": entry.share,
        "previous": previous.value if previous else None,
        "change": previous.change if previous else None,
        "flag": (previous.flag or "") if previous else "",
        "data_quality": entry.data_quality or "",
        "warning": entry.warning,
        "note": entry.note,
        "dfe_table": entry.dfe_table,
        "definition": entry.definition,
    }


def heading(summary: Summary) -> str:
    period = f"{summary.period_start} to {summary.period_end}"
    what = "as at " + summary.as_at if summary.as_at else "collection year"
    return f"{summary.collection} {summary.year}: {what} ({period})"
