"""Writing `check`'s report as planned: the files, team workbooks, standard output, and the
terminal's summary pointing to them."""

from pathlib import Path

import typer

from csc_validate import subject
from csc_validate.cli.output_plan import OutputPlan
from csc_validate.findings import Report, children_affected
from csc_validate.redact import redact
from csc_validate.reports import Format, write
from csc_validate.reports.options import Options
from csc_validate.reports.split import read_lookup, subset, team_paths
from csc_validate.tables import Tables


def write_all(
    real: Report,
    tables: Tables,
    plan: OutputPlan,
    options: Options,
    child_column: str,
    *,
    redacted: bool = False,
) -> None:
    """Every planned output; the terminal shows the report when no file is named, else a
    summary (or the report goes to standard output, when a format is meant for it).

    With `redacted`, each report is redacted as it is written: team workbooks are cut from the
    `real` report on the children's real ids first."""
    report = redact(real) if redacted else real
    if not plan.files:
        write(report, plan.to_stdout or Format.TERMINAL, None, options)
        return
    for path, fmt in plan.files:
        write(report, fmt, path, options)
        if plan.password is not None and fmt is not Format.XLSX:
            typer.echo(f"Wrote {path} (not encrypted: only workbooks are)", err=True)
        else:
            typer.echo(f"Wrote {path}", err=True)
    if plan.split_by is not None:
        for path in plan.workbooks:
            _write_team_workbooks(
                real, tables, path, plan.split_by, child_column, options, redacted=redacted
            )
    if plan.to_stdout is not None:
        write(report, plan.to_stdout, None, options)
        return
    # The files hold everything; the terminal shows the summary and what to do next.
    summary = Options(
        limit=0 if options.quiet else min(options.limit, 20),
        quiet=options.quiet,
        by_child=options.by_child,
        workbook=str(plan.workbooks[0]) if plan.workbooks else None,
    )
    write(report, Format.TERMINAL, None, summary)


def _write_team_workbooks(
    report: Report,
    tables: Tables,
    destination: Path,
    split_by: str,
    child_column: str,
    options: Options,
    *,
    redacted: bool,
) -> None:
    lookup = read_lookup(split_by, child_column)
    paths = team_paths(destination, list(lookup.teams))
    who = subject.of(report.collection)
    for team, children in lookup.teams.items():
        team_report, team_tables = subset(report, tables, children, child_column)
        team_options = Options(
            tables=team_tables, child_column=child_column, password=options.password, team=team
        )
        count = children_affected(team_report.findings)
        shown = redact(team_report) if redacted else team_report
        write(shown, Format.XLSX, paths[team], team_options)
        typer.echo(f"Wrote {paths[team]} ({team}: {who.counted(count)} with findings)", err=True)
    teamed = frozenset().union(*lookup.teams.values())
    missing = sorted({f.child for f in report.findings if f.child and f.child not in teamed})
    if missing:
        # A redacted run names no child, even here.
        listed = "" if redacted else ": " + ", ".join(missing[:10])
        listed += ", ..." if len(missing) > 10 and not redacted else ""
        typer.echo(
            f"note: {who.counted(len(missing))} with findings "
            f"{'is' if len(missing) == 1 else 'are'} in no team of {lookup.source}, "
            f"so only in {destination}{listed}",
            err=True,
        )
