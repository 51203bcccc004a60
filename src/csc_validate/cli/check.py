"""`csc-validate check`: validate a return and report the findings."""

from pathlib import Path
from typing import Annotated

import typer

from csc_validate import baseline, config
from csc_validate.check import check
from csc_validate.cli.options import Collection, Year
from csc_validate.errors import UsageError
from csc_validate.findings import Report
from csc_validate.redact import redact
from csc_validate.reports import Format, terminal, write
from csc_validate.severity import Severity

FAIL_ON = {"error": Severity.ERROR, "query": Severity.QUERY, "never": None}


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
            "--format", "-f", help="Report format (default: terminal).", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report here (default: standard output)."),
    ] = None,
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
    if output is not None and output.is_dir():
        raise UsageError(f"--output {output}: is a folder; name the report file to write")
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
    if not settings.inputs:
        where = f" or set inputs in {settings_path}" if settings_path else ""
        raise UsageError(f"name the files or folders to check{where}")
    report = check(
        list(settings.inputs),
        list(settings.previous),
        settings.collection,
        settings.year,
        list(settings.select),
        list(settings.ignore),
        {table: list(codes) for table, codes in settings.per_table_ignores.items()},
        la=settings.la,
        ofsted=list(settings.ofsted),
        severity=dict(settings.severity),
        partial=settings.partial,
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
    targets = _targets(settings, output_format, output)
    for target_format, destination in targets:
        if target_format is Format.TERMINAL:
            terminal.write(report, destination, limit=limit, quiet=quiet)
        else:
            write(report, target_format, destination)
        if destination is not None:
            typer.echo(f"Wrote {destination}", err=True)
    if all(destination is not None for _, destination in targets):
        terminal.write(report, None, limit=0 if quiet else min(limit, 20), quiet=quiet)
    raise typer.Exit(exit_code(report, FAIL_ON[settings.fail_on]))


def _targets(
    settings: config.Config, output_format: Format | None, output: Path | None
) -> list[tuple[Format, Path | None]]:
    """--format and --output when given, else the settings' outputs, else the terminal."""
    if output_format is not None or output is not None:
        return [(output_format or Format.TERMINAL, output)]
    if not settings.outputs:
        return [(Format.TERMINAL, None)]
    if sum(1 for item in settings.outputs if item.path is None) > 1:
        raise UsageError(
            "outputs: only one of them can go to standard output (give the others a path)"
        )
    return [(item.format, item.path) for item in settings.outputs]


def exit_code(report: Report, fail_on: Severity | None) -> int:
    if report.incomplete:
        return 2
    if fail_on is None:
        return 0
    return 1 if report.count_at_or_above(fail_on) else 0
