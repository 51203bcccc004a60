"""Running `check` on the merged settings: the rules with progress, then acceptances and the
baseline.

Redaction comes later, when each report is written: team workbooks are cut on the real ids."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import typer

from csc_validate import accepted, baseline, config
from csc_validate.cli.progress import progress
from csc_validate.findings import Report
from csc_validate.pipeline import check as pipeline
from csc_validate.pipeline.request import Request
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
    loaded; `narrow` as in the pipeline's Request."""
    acceptances = settings.accepted
    if settings.accepted_file is not None:
        acceptances += accepted.read(settings.accepted_file)
    with progress(quiet) as stage:
        request = replace(Request.from_settings(settings, as_at), narrow=narrow)
        report, tables = pipeline.run(request, stage)
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
