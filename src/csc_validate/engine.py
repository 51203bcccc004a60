"""Runs the selected rules over the tables and collects the offending rows of each."""

import contextlib
import datetime as dt
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from csc_validate import profiling
from csc_validate.errors import InputError, UsageError
from csc_validate.findings import NOT_YET_DUE, RuleCrash, SkippedRule
from csc_validate.periods import Period
from csc_validate.reference import MissingReferenceError, References
from csc_validate.rulekit.context import MissingTableError, RuleContext
from csc_validate.rulekit.rule import RELATED_ROW, RELATED_TABLE, MidYear, Rule
from csc_validate.schemas import YearSchema
from csc_validate.tables import Tables

# Queries collected together. Polars runs a batch's queries at once and holds all their working
# frames together: the whole pack in one batch took 1.2 GB at 80,000 children, batches of 50
# about 0.9 GB, in the same CPU time (the tables they share are derived once, before).
BATCH = 50


@dataclass(frozen=True)
class Hit:
    """The rows of one table that one rule flags; `related` (columns _row, _related_table,
    _related_row) the rows the rule compared them with, where it says."""

    rule: Rule
    table: str
    rows: pl.Series
    related: pl.DataFrame | None = None


@dataclass(frozen=True)
class RunResult:
    hits: list[Hit]
    skipped: list[SkippedRule]
    crashes: list[RuleCrash]


def run(
    rules: list[Rule],
    tables: Tables,
    schema: YearSchema,
    period: Period | None = None,
    references: References | None = None,
) -> RunResult:
    """Build every rule's query, collect them together, and isolate any rule that fails."""
    context = RuleContext(tables, schema, period, references)
    planned: list[tuple[Rule, str, pl.LazyFrame]] = []
    skipped: list[SkippedRule] = []
    crashes: list[RuleCrash] = []
    as_at = context.period.as_at
    profile = profiling.current()
    for rule in rules:
        if rule.check is None:
            continue
        if as_at is not None and rule.mid_year is MidYear.NOT_YET_DUE:
            skipped.append(SkippedRule(rule=rule.code, reason=not_yet_due(as_at)))
            continue
        started = time.perf_counter()
        try:
            # All of a rule's queries or none: a rule failing on its second table has no findings.
            planned += [
                (rule, table, _rows_and_related(frame, table))
                for table, frame in _offending(rule, rule.check(context)).items()
            ]
        except MissingTableError as missing:
            skipped.append(SkippedRule(rule=rule.code, reason=f"no {missing.table} table"))
        except MissingReferenceError as missing:
            unmet = context.unmet(rule.needs) or (missing.needs,)
            skipped.append(SkippedRule(rule=rule.code, reason=f"needs {' and '.join(unmet)}"))
        except (InputError, UsageError):
            # Reference files the user named but that cannot be used stop the check (exit 2).
            raise
        except Exception as error:
            crashes.append(_crash(rule, ", ".join(rule.tables), error))
        if profile is not None:
            profile.built[rule.code] = time.perf_counter() - started
    hits, late_crashes = _collect(planned)
    if profile is not None:
        started = time.perf_counter()
        _time_alone(planned, profile)
        profile.leave_out(time.perf_counter() - started)
    return RunResult(hits=hits, skipped=skipped, crashes=crashes + late_crashes)


def not_yet_due(as_at: dt.date) -> str:
    """Why a rule that judges the year at its end was not run on a year-to-date extract."""
    return f"{NOT_YET_DUE} as at {as_at:%d/%m/%Y}"


def _offending(rule: Rule, result: object) -> Mapping[str, pl.LazyFrame]:
    if isinstance(result, pl.LazyFrame | pl.DataFrame):
        return {rule.tables[0]: result.lazy()}
    if isinstance(result, Mapping):
        unknown = set(result) - set(rule.tables)
        if unknown:
            raise TypeError(f"returned rows of {sorted(unknown)}, not among its tables")
        return {table: frame.lazy() for table, frame in result.items()}
    raise TypeError(f"returned {type(result).__name__}, expected a LazyFrame or a dict of them")


def _collect(planned: list[tuple[Rule, str, pl.LazyFrame]]) -> tuple[list[Hit], list[RuleCrash]]:
    """Collect the queries in batches so polars can share common work; when a batch fails, split
    it into smaller ones, and again, until each failing query stands alone, so that one bad
    rule costs a few extra batches rather than running every rule on its own."""
    outcomes: dict[int, pl.DataFrame | Exception] = {}
    for start in range(0, len(planned), BATCH):
        _collect_batch(planned, list(range(start, min(start + BATCH, len(planned)))), outcomes)
    hits: list[Hit] = []
    crashes: list[RuleCrash] = []
    crashed: set[str] = set()
    for index, (rule, table, _) in enumerate(planned):
        if rule.code in crashed:
            continue
        collected = outcomes[index]
        if isinstance(collected, Exception):
            crashed.add(rule.code)
            crashes.append(_crash(rule, table, collected))
        elif collected.height:
            hits.append(_hit(rule, table, collected))
    # A rule that crashed on one of its tables has no findings at all: half a rule misleads.
    return [hit for hit in hits if hit.rule.code not in crashed], crashes


def _collect_batch(
    planned: list[tuple[Rule, str, pl.LazyFrame]],
    indices: list[int],
    outcomes: dict[int, pl.DataFrame | Exception],
) -> None:
    """Collect the queries at `indices` together into `outcomes`, splitting it on failure."""
    if not indices:
        return
    profile = profiling.current()
    started = time.perf_counter()
    try:
        frames: list[pl.DataFrame] | None = pl.collect_all([planned[index][2] for index in indices])
        failure: Exception | None = None
    except Exception as error:
        frames, failure = None, error
    if profile is not None:
        profile.batch_seconds += time.perf_counter() - started
        profile.batches += 1
    if frames is None:
        assert failure is not None
        if len(indices) == 1:
            outcomes[indices[0]] = failure
            return
        # A failed batch's work is lost, so the parts are made small at once: about sqrt(n)
        # parts of sqrt(n) queries, then again within the part that fails. One failing query
        # among n costs about n + sqrt(n) queries' work again, where halving costs 2n.
        size = math.isqrt(len(indices))  # below len(indices) from 2 on
        for start in range(0, len(indices), size):
            _collect_batch(planned, indices[start : start + size], outcomes)
        return
    outcomes.update(zip(indices, frames, strict=True))


def _time_alone(planned: list[tuple[Rule, str, pl.LazyFrame]], profile: profiling.Profile) -> None:
    """For --profile: each rule's queries collected on their own, timed; results are dropped
    (the findings come from the batch), and a failure here was already reported there."""
    for rule, _, frame in planned:
        started = time.perf_counter()
        with contextlib.suppress(Exception):
            frame.collect()
        profile.alone[rule.code] = profile.alone.get(rule.code, 0.0) + time.perf_counter() - started


def _rows_and_related(frame: pl.LazyFrame, table: str) -> pl.LazyFrame:
    """Only the offending rows (and any related rows named), so polars reads no more."""
    names = frame.collect_schema().names()
    if RELATED_ROW not in names:
        return frame.select(pl.col("_row")).unique()
    related_table = pl.col(RELATED_TABLE) if RELATED_TABLE in names else pl.lit(table)
    return frame.select(
        pl.col("_row"),
        related_table.cast(pl.String).alias(RELATED_TABLE),
        pl.col(RELATED_ROW).cast(pl.Int64),
    ).unique()


def _hit(rule: Rule, table: str, collected: pl.DataFrame) -> Hit:
    if RELATED_ROW not in collected.columns:
        return Hit(rule=rule, table=table, rows=collected["_row"])
    related = collected.filter(pl.col(RELATED_ROW).is_not_null()).sort(
        "_row", RELATED_TABLE, RELATED_ROW
    )
    rows = collected["_row"].unique().sort()
    return Hit(rule=rule, table=table, rows=rows, related=related if related.height else None)


def _crash(rule: Rule, table: str, error: Exception) -> RuleCrash:
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return RuleCrash(rule=rule.code, table=table, error=f"{type(error).__name__}: {first_line}")
