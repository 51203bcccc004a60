"""Runs the selected rules over the tables and collects the offending rows of each."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from csc_validate.errors import InputError, UsageError
from csc_validate.findings import NOT_YET_DUE, RuleCrash, SkippedRule
from csc_validate.periods import Period
from csc_validate.reference import MissingReferenceError, References
from csc_validate.rulekit.context import MissingTableError, RuleContext
from csc_validate.rulekit.rule import MidYear, Rule
from csc_validate.schemas import YearSchema
from csc_validate.tables import Tables


@dataclass(frozen=True)
class Hit:
    """The rows of one table that one rule flags."""

    rule: Rule
    table: str
    rows: pl.Series


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
    for rule in rules:
        if rule.check is None:
            continue
        if as_at is not None and rule.mid_year is MidYear.NOT_YET_DUE:
            skipped.append(SkippedRule(rule=rule.code, reason=not_yet_due(as_at)))
            continue
        try:
            for table, frame in _offending(rule, rule.check(context)).items():
                planned.append((rule, table, frame.select(pl.col("_row")).unique()))
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
    hits, late_crashes = _collect(planned)
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
    """Collect all queries at once so polars can share common work; on failure, one by one."""
    try:
        frames = pl.collect_all([frame for _, _, frame in planned])
    except Exception:
        frames = None
    hits: list[Hit] = []
    crashes: list[RuleCrash] = []
    crashed: set[str] = set()
    for index, (rule, table, frame) in enumerate(planned):
        if rule.code in crashed:
            continue
        try:
            collected = frames[index] if frames is not None else frame.collect()
        except Exception as error:
            crashed.add(rule.code)
            crashes.append(_crash(rule, table, error))
            continue
        if collected.height:
            hits.append(Hit(rule=rule, table=table, rows=collected["_row"]))
    # A rule that crashed on one of its tables has no findings at all: half a rule misleads.
    return [hit for hit in hits if hit.rule.code not in crashed], crashes


def _crash(rule: Rule, table: str, error: Exception) -> RuleCrash:
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return RuleCrash(rule=rule.code, table=table, error=f"{type(error).__name__}: {first_line}")
