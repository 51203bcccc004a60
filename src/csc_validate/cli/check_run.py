"""Running `check` on the merged settings: the rules with progress, then acceptances and the
baseline.

Redaction comes later, when each report is written: team workbooks are cut on the real ids."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import typer

from csc_validate import accepted, baseline, config
from csc_validate.check import check_with_tables
from csc_validate.cli.progress import progress
from csc_validate.findings import Report
from csc_validate.rulekit.rule import Rule
from csc_validate.tables import Tables


def run(
    settings: config.Config,
    *,
    quiet: bool,
    write_baseline: Path | None,
    as_at: dt.date | None = None,
    narrow: Callable[[Tables, list[Rule]], list[Rule]] | None = None,
) -> tuple[Report, Tables]:
    """The report to write (after acceptances and the baseline) and the tables the check
    loaded; `narrow` as for check_with_tables."""
    acceptances = settings.accepted
    if settings.accepted_file is not None:
        acceptances += accepted.read(settings.accepted_file)
    with progress(quiet) as stage:
        report, tables = check_with_tables(
            list(settings.inputs),
            list(settings.previous),
            settings.collection,
            settings.year,
            list(settings.select),
            list(settings.ignore),
            {table: list(codes) for table, codes in settings.per_table_ignores.items()},
            la=settings.la,
            ofsted=list(settings.ofsted),
            partial=settings.partial,
            stage=stage,
            severity=dict(settings.severity),
            as_at_day=as_at,
            narrow=narrow,
        )
    if write_baseline is not None:
        baseline.write(report, write_baseline)
        typer.echo(f"Wrote {write_baseline} ({len(report.findings)} findings)", err=True)
    source = settings.accepted_file.as_posix() if settings.accepted_file else "settings"
    report = accepted.apply(report, acceptances, source)
    if settings.baseline is not None:
        report = baseline.apply(
            report, baseline.load(settings.baseline), settings.baseline.as_posix()
        )
    return report, tables
