"""`csc-validate check`: validate a return and report the findings."""

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csc_validate import baseline, config, schemas
from csc_validate.check import check_with_tables
from csc_validate.cli.options import Collection, Year
from csc_validate.cli.progress import progress
from csc_validate.errors import UsageError
from csc_validate.findings import Report
from csc_validate.redact import redact
from csc_validate.reports import Format, format_for, write
from csc_validate.reports.options import Options
from csc_validate.reports.split import parse_spec, read_lookup, subset, team_paths
from csc_validate.severity import Severity
from csc_validate.tables import Tables

FAIL_ON = {"error": Severity.ERROR, "query": Severity.QUERY, "never": None}
PASSWORD_VARIABLE = "CSC_VALIDATE_PASSWORD"


class GroupBy(StrEnum):
    TABLE = "table"
    CHILD = "child"


def check_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Folders or files of this year's return: CSV, XLSX or DfE XML; - reads "
            "standard input (default: the settings' inputs).",
            show_default=False,
        ),
    ] = None,
    previous: Annotated[
        list[Path] | None,
        typer.Option("--previous", "-p", help="Last year's return, for rules that compare years."),
    ] = None,
    collection: Collection = None,
    year: Year = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Run only these rules: codes, table names or tag:NAME (repeatable)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Do not run these rules: codes, table names or tag:NAME (repeatable)."),
    ] = None,
    la: Annotated[
        str | None,
        typer.Option(
            "--la",
            help="Your council's code (ONS such as E09000033, or DfE such as 213): "
            "for the rules on placement LA, location and distance.",
        ),
    ] = None,
    ofsted: Annotated[
        list[Path] | None,
        typer.Option(
            "--ofsted",
            help="Ofsted's children's homes and social care providers lists (XLSX or CSV, "
            "as downloaded; repeatable): for the URN rules.",
        ),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="Report format (default: from each --output's extension, else terminal).",
        ),
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report here; repeat for several (.xlsx, .html, .csv, .json, .txt).",
        ),
    ] = None,
    password_file: Annotated[
        Path | None,
        typer.Option(
            help=f"Encrypt workbooks with the password in this file (or set {PASSWORD_VARIABLE})."
        ),
    ] = None,
    split_by: Annotated[
        str | None,
        typer.Option(
            metavar="LOOKUP.csv:COLUMN",
            help="Also write one workbook per team (or worker) named in COLUMN of LOOKUP.csv.",
        ),
    ] = None,
    by: Annotated[
        GroupBy, typer.Option(help="Group the terminal's findings by table or by child.")
    ] = GroupBy.TABLE,
    fail_on: Annotated[
        str | None,
        typer.Option(
            help="Exit 1 when findings at or above this severity: error (default), query or never."
        ),
    ] = None,
    config_path: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Settings file (default: csc-validate.toml here, else [tool.csc-validate] in "
            "pyproject.toml).",
        ),
    ] = None,
    baseline_path: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report, and fail on, only findings not in this baseline."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(help="Record today's findings here, for --baseline in later runs."),
    ] = None,
    limit: Annotated[
        int, typer.Option(help="Findings listed in the terminal (0 for all).", min=0)
    ] = 50,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Totals only.")] = False,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="Check a return that lacks some of its tables; rules that need them are skipped.",
        ),
    ] = False,
    redacted: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Replace children's identifiers and values, for reports shared for counts only.",
        ),
    ] = False,
) -> None:
    """Check a return against the year's DfE rules.

    Exit codes: 0 nothing at or above --fail-on; 1 such findings; 2 input that cannot be used,
    a table the return requires is missing (without --partial), or a rule failed (the check is
    incomplete).
    """
    if fail_on is not None and fail_on not in FAIL_ON:
        raise typer.BadParameter(
            f"{fail_on!r}: choose error, query or never", param_hint="--fail-on"
        )
    settings, settings_path = config.load(config_path)
    settings = settings.merged(
        collection=collection,
        year=year,
        inputs=paths,
        previous=previous,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        la=la,
        ofsted=ofsted,
        baseline=baseline_path,
        # An unset flag leaves the settings' choice alone.
        partial=partial or None,
    )
    destinations, to_stdout = _destinations(settings, outputs or [], output_format)
    for path, _ in destinations:
        if path.is_dir():
            raise UsageError(f"--output {path}: is a folder; name the report file to write")
    workbooks = [path for path, fmt in destinations if fmt is Format.XLSX]
    if split_by is not None:
        lookup_path, _ = parse_spec(split_by)
        if not lookup_path.is_file():
            raise UsageError(f"--split-by {split_by}: no such file {lookup_path}")
        if not workbooks:
            raise UsageError("--split-by writes team workbooks beside an --output FILE.xlsx")
    password = _password(password_file)
    if password is not None and not workbooks:
        raise UsageError("a password encrypts workbooks only: add --output FILE.xlsx")
    if not settings.inputs:
        where = f" or set inputs in {settings_path}" if settings_path else ""
        raise UsageError(f"name the files or folders to check{where}")
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
        )
    if write_baseline is not None:
        baseline.write(report, write_baseline)
        typer.echo(f"Wrote {write_baseline} ({len(report.findings)} findings)", err=True)
    if settings.baseline is not None:
        report = baseline.apply(
            report, baseline.load(settings.baseline), settings.baseline.as_posix()
        )
    if redacted:
        report = redact(report)
    child_column = schemas.load(report.collection, report.year).child_column
    options = Options(
        tables=None if redacted else tables,
        child_column=child_column,
        limit=limit,
        quiet=quiet,
        by_child=by is GroupBy.CHILD,
        password=password,
    )
    if not destinations:
        write(report, to_stdout or Format.TERMINAL, None, options)
        raise typer.Exit(exit_code(report, FAIL_ON[settings.fail_on]))
    for path, fmt in destinations:
        write(report, fmt, path, options)
        if password is not None and fmt is not Format.XLSX:
            typer.echo(f"Wrote {path} (not encrypted: only workbooks are)", err=True)
        else:
            typer.echo(f"Wrote {path}", err=True)
    if split_by is not None:
        for path in workbooks:
            _write_team_workbooks(report, tables, path, split_by, child_column, options)
    if to_stdout is not None:
        write(report, to_stdout, None, options)
        raise typer.Exit(exit_code(report, FAIL_ON[settings.fail_on]))
    # The files hold everything; the terminal shows the summary and what to do next.
    summary = Options(
        limit=0 if quiet else min(limit, 20),
        quiet=quiet,
        by_child=by is GroupBy.CHILD,
        workbook=str(workbooks[0]) if workbooks else None,
    )
    write(report, Format.TERMINAL, None, summary)
    raise typer.Exit(exit_code(report, FAIL_ON[settings.fail_on]))


def _destinations(
    settings: config.Config, outputs: list[Path], output_format: Format | None
) -> tuple[list[tuple[Path, Format]], Format | None]:
    """The files to write with their formats, and the format for standard output, if any:
    --output and --format when given, else the settings' outputs, else the terminal."""
    if outputs:
        return [(path, format_for(path, output_format)) for path in outputs], None
    if output_format is not None or not settings.outputs:
        return [], format_for(None, output_format)
    if sum(1 for item in settings.outputs if item.path is None) > 1:
        raise UsageError(
            "outputs: only one of them can go to standard output (give the others a path)"
        )
    files = [(item.path, item.format) for item in settings.outputs if item.path is not None]
    stdout = [item.format for item in settings.outputs if item.path is None]
    return files, stdout[0] if stdout else None


def _password(password_file: Path | None) -> str | None:
    """From a file (first line) or the environment; never a plain option, which others can see."""
    if password_file is not None:
        try:
            lines = password_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"--password-file {password_file}: cannot be read ({error})") from None
        password = lines[0].strip() if lines else ""
        if not password:
            raise UsageError(f"--password-file {password_file}: the first line is empty")
        return password
    return os.environ.get(PASSWORD_VARIABLE) or None


def _write_team_workbooks(
    report: Report,
    tables: Tables,
    destination: Path,
    split_by: str,
    child_column: str,
    options: Options,
) -> None:
    lookup = read_lookup(split_by, child_column)
    paths = team_paths(destination, list(lookup.teams))
    for team, children in lookup.teams.items():
        team_report, team_tables = subset(report, tables, children, child_column)
        team_options = Options(
            tables=team_tables, child_column=child_column, password=options.password
        )
        write(team_report, Format.XLSX, paths[team], team_options)
        count = len({f.child for f in team_report.findings})
        typer.echo(f"Wrote {paths[team]} ({team}: {count} children with findings)", err=True)
    teamed = frozenset().union(*lookup.teams.values())
    missing = sorted({f.child for f in report.findings if f.child and f.child not in teamed})
    if missing:
        shown = ", ".join(missing[:10]) + (", ..." if len(missing) > 10 else "")
        typer.echo(
            f"note: {len(missing)} children with findings are in no team of {lookup.source}, "
            f"so only in {destination}: {shown}",
            err=True,
        )


def exit_code(report: Report, fail_on: Severity | None) -> int:
    if report.incomplete:
        return 2
    if fail_on is None:
        return 0
    return 1 if report.count_at_or_above(fail_on) else 0
