"""Computing a return's figures from the tables `check` loaded, and last year's beside them."""

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import replace
from types import ModuleType

import polars as pl

from csc_validate import __version__
from csc_validate.findings import Report
from csc_validate.periods import Period, previous_year
from csc_validate.schemas import YearSchema
from csc_validate.summary.figure import Figure, FigureContext, FigureUnavailableError
from csc_validate.summary.model import Entry, Previous, Summary
from csc_validate.summary.quality import ErrorIndex
from csc_validate.tables import PREVIOUS_SUFFIX, Tables

BLANK = "(blank)"
# A figure that moves by more than this share of last year's value is flagged.
DEFAULT_THRESHOLD = 0.2

Key = tuple[str | None, str | None]
# The geography of a year's episodes (by _row) when the council's code was given.
Geography = Callable[[Tables, YearSchema, str, str], pl.DataFrame | None]


def figures_package(collection: str) -> ModuleType:
    """The collection's figures package: FIGURES, and optionally `geography`."""
    return importlib.import_module(f"csc_validate.collections.{collection}.figures")


def figures_for(collection: str, year: str) -> list[Figure]:
    """The figures a collection has in a year (pre-proceedings only from 2026-27)."""
    return [
        figure
        for figure in figures_package(collection).FIGURES
        if not figure.from_year or figure.from_year <= year
    ]


def summarise(
    tables: Tables,
    schema: YearSchema,
    report: Report | None = None,
    *,
    period: Period | None = None,
    la: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    quality_source: str = "",
) -> Summary:
    """Every figure of the return's year over `period` (the collection year, or 1 April to the
    as-at date); with last year's tables loaded, last year's values and the changes.
    `quality_source` says which check's findings the data-quality counts come from."""
    full_year = schema.period
    period = period or full_year
    as_at = period.end != full_year.end
    package = figures_package(tables.collection)
    geography: Geography | None = getattr(package, "geography", None)
    figures = figures_for(tables.collection, tables.year)
    context = FigureContext(tables, schema, period.start, period.end, as_at=as_at)
    if la and geography is not None:
        context = replace(context, geography=geography(tables, schema, "", la))
    current, left_out = _evaluate_all(figures, context)
    previous_given = any(name.endswith(PREVIOUS_SUFFIX) for name in tables.tables)
    last: dict[str, dict[Key, int | float | None]] | None = None
    if previous_given:
        # The collection's own year, a year back: it runs to the day before this year's starts.
        this_year = schema.period
        last_period = Period(
            year=previous_year(tables.year),
            start=this_year.start.replace(year=this_year.start.year - 1),
            end=this_year.start - dt.timedelta(days=1),
        )
        before = FigureContext(
            tables,
            schema,
            last_period.start,
            _year_earlier(period.end),
            suffix=PREVIOUS_SUFFIX,
            as_at=as_at,
        )
        if la and geography is not None:
            before = replace(before, geography=geography(tables, schema, PREVIOUS_SUFFIX, la))
        last, _ = _evaluate_all(figures, before)
    errors = ErrorIndex(report)
    entries: list[Entry] = []
    for figure in figures:
        if figure.id not in current:
            continue
        values = current[figure.id]
        earlier = last.get(figure.id) if last is not None else None
        keys = _keys(figure, values, earlier)
        warning = figure.context_note(context) if figure.context_note is not None else ""
        quality = errors.note(figure.uses) or None
        for key in keys:
            value = values.get(key, _empty(figure))
            entries.append(
                Entry(
                    id=figure.id,
                    label=_label(figure.label, period, as_at),
                    counts=figure.counts,
                    value=value,
                    breakdown=None if key[0] is None else {key[0]: key[1] or BLANK},
                    previous=_previous(figure, key, value, earlier, threshold)
                    if last is not None
                    else None,
                    definition=figure.definition,
                    dfe_table=figure.dfe_table,
                    share=_share(figure, key, value, current),
                    share_of=figure.share_of,
                    data_quality=quality if key[0] is None else None,
                    note=figure.note,
                    warning=warning if key[0] is None else "",
                )
            )
    notes: list[str] = []
    if as_at:
        notes.append(
            f"Figures run from {period.start:%d/%m/%Y} to the as-at date {period.end:%d/%m/%Y}; "
            "DfE publishes figures for the whole year to 31 March only."
        )
    if quality_source:
        notes.append(quality_source)
    if report is not None and report.incomplete:
        notes.append("The check was incomplete, so the data-quality context may miss errors.")
    return Summary(
        version=__version__,
        collection=tables.collection,
        year=tables.year,
        period_start=f"{period.start:%d/%m/%Y}",
        period_end=f"{period.end:%d/%m/%Y}",
        as_at=f"{period.end:%d/%m/%Y}" if as_at else None,
        inputs=tuple(item.file for item in tables.inputs),
        previous_given=previous_given,
        threshold=threshold,
        figures=tuple(entries),
        left_out=tuple(left_out),
        notes=tuple(notes),
    )


def evaluate(figure: Figure, context: FigureContext) -> dict[Key, int | float | None]:
    """The headline (key (None, None)) and each breakdown category's value."""
    population = figure.population(context)
    values: dict[Key, int | float | None] = {(None, None): _measure(figure, population)}
    for breakdown in figure.breakdowns:
        if breakdown.column not in population.columns:
            continue
        category = pl.col(breakdown.column).cast(pl.String).fill_null(BLANK)
        if figure.mean_of is None:
            grouped = population.group_by(category).agg(_value=pl.len())
        else:
            grouped = population.group_by(category).agg(_value=pl.col(figure.mean_of).mean())
        for name, value in grouped.iter_rows():
            values[(breakdown.key, name)] = _rounded(value)
    return values


def _evaluate_all(
    figures: list[Figure], context: FigureContext
) -> tuple[dict[str, dict[Key, int | float | None]], list[str]]:
    results: dict[str, dict[Key, int | float | None]] = {}
    left_out: list[str] = []
    for figure in figures:
        try:
            results[figure.id] = evaluate(figure, context)
        except FigureUnavailableError as unavailable:
            left_out.append(f"{figure.id}: {unavailable.reason}")
    return results, left_out


def _measure(figure: Figure, population: pl.DataFrame) -> int | float | None:
    if figure.mean_of is None:
        return population.height
    return _rounded(population[figure.mean_of].mean())


def _rounded(value: object) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, float):
        return round(value, 1)
    return int(value)  # type: ignore[call-overload]


def _empty(figure: Figure) -> int | None:
    """A category with no rows: none counted, or no mean."""
    return 0 if figure.mean_of is None else None


def _keys(
    figure: Figure,
    values: dict[Key, int | float | None],
    earlier: dict[Key, int | float | None] | None,
) -> list[Key]:
    """The headline, then each breakdown's categories in DfE's order, then sorted; a category
    only last year has is kept, so that its vanishing shows."""
    present = set(values) | set(earlier or {})
    keys: list[Key] = [(None, None)]
    for breakdown in figure.breakdowns:
        categories = {key[1] for key in present if key[0] == breakdown.key}
        ordered = [name for name in breakdown.order if name in categories]
        ordered += sorted(str(name) for name in categories - set(ordered))
        keys += [(breakdown.key, name) for name in ordered]
    return keys


def _previous(
    figure: Figure,
    key: Key,
    value: int | float | None,
    earlier: dict[Key, int | float | None] | None,
    threshold: float,
) -> Previous:
    last = (earlier or {}).get(key, _empty(figure))
    if value is None or last is None:
        return Previous(value=last, change=None)
    change = _rounded(value - last)
    flag = None
    if key[0] is not None and not last and value:
        flag = "category appears"
    elif key[0] is not None and last and not value:
        flag = "category vanishes"
    elif key[0] is None and not last and value:
        flag = "new this year"
    elif key[0] is None and last and abs(value - last) > threshold * abs(last):
        flag = f"moved by {abs(value - last) / abs(last):.0%}"
    return Previous(value=last, change=change, flag=flag)


def _share(
    figure: Figure,
    key: Key,
    value: int | float | None,
    current: dict[str, dict[Key, int | float | None]],
) -> float | None:
    """The entry as a share of the figure it is part of (same breakdown category, if that
    figure has it)."""
    if figure.share_of is None or value is None:
        return None
    whole = current.get(figure.share_of, {})
    total = whole.get(key)
    if not total:
        return None
    return round(value / total, 3)


def _label(label: str, period: Period, as_at: bool) -> str:
    """With --as-at, "on 31 March" is on the as-at date and "in the year" runs to it."""
    if not as_at:
        return label
    day = f"{period.end:%d/%m/%Y}"
    return label.replace("on 31 March", f"on {day}").replace(
        "in the year", f"from {period.start:%d/%m/%Y} to {day}"
    )


def _year_earlier(day: dt.date) -> dt.date:
    """The same date a year before (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
