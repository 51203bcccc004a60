"""`csc-validate check`: validate a return and report the findings."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csc_validate import config, profiling, schemas
from csc_validate.as_at import read as read_as_at
from csc_validate.cli import check_run, output_plan, report_outputs
from csc_validate.cli.options import AsAt, Collection, Council, OfstedLists, Year
from csc_validate.cli.output_plan import PASSWORD_VARIABLE
from csc_validate.errors import UsageError
from csc_validate.findings import Report
from csc_validate.reports import Format
from csc_validate.reports.options import Options
from csc_validate.severity import Severity

FAIL_ON = {"error": Severity.ERROR, "query": Severity.QUERY, "never": None}


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
    as_at: AsAt = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Run only these rules: codes, table names or tag:NAME (repeatable)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Do not run these rules: codes, table names or tag:NAME (repeatable)."),
    ] = None,
    la: Council = None,
    ofsted: OfstedLists = None,
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
    accepted_file: Annotated[
        Path | None,
        typer.Option(
            "--accepted",
            metavar="FILE",
            help="CSV of findings accepted with a reason (rule, child, key, reason, who, date): "
            "shown apart, and they do not fail --fail-on.",
        ),
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
    profile: Annotated[
        bool,
        typer.Option(
            "--profile",
            help="Also print to standard error the time each stage took and the slowest rules "
            "(each timed again on its own, so the check takes longer; reports are unchanged).",
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
        accepted_file=accepted_file,
        # An unset flag leaves the settings' choice alone.
        partial=partial or None,
    )
    planned = output_plan.plan(settings, outputs or [], output_format, split_by, password_file)
    output_plan.refuse_overwriting(planned, settings, settings_path, write_baseline, password_file)
    if not settings.inputs:
        where = f" or set inputs in {settings_path}" if settings_path else ""
        raise UsageError(f"name the files or folders to check{where}")
    with profiling.recording(profile) as timings:
        report, tables = check_run.run(
            settings,
            quiet=quiet,
            write_baseline=write_baseline,
            as_at=read_as_at(as_at) if as_at is not None else None,
        )
        if timings is not None:
            timings.stage("write")
        child_column = schemas.load(report.collection, report.year).child_column
        options = Options(
            tables=None if redacted else tables,
            child_column=child_column,
            limit=limit,
            quiet=quiet,
            by_child=by is GroupBy.CHILD,
            password=planned.password,
        )
        report_outputs.write_all(report, tables, planned, options, child_column, redacted=redacted)
    if timings is not None:
        sys.stdout.flush()  # the report first, where both go to one terminal
        typer.echo("\n".join(timings.lines()), err=True)
    raise typer.Exit(exit_code(report, FAIL_ON[settings.fail_on]))


def exit_code(report: Report, fail_on: Severity | None) -> int:
    if report.incomplete:
        return 2
    if fail_on is None:
        return 0
    return 1 if report.count_at_or_above(fail_on) else 0
