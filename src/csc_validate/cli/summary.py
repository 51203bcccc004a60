"""`csc-validate summary`: DfE's headline figures from a checked return."""

from pathlib import Path
from typing import Annotated

import typer

from csc_validate import as_at as year_to_date
from csc_validate import config, schemas
from csc_validate.cli import check_run
from csc_validate.cli.options import AsAt, Collection, Council, OfstedLists, Year
from csc_validate.errors import UsageError
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.pipeline import saved_report
from csc_validate.summary.compute import DEFAULT_THRESHOLD, summarise
from csc_validate.summary.outputs import SummaryFormat, format_for, write
from csc_validate.summary.scope import FigureRules


def summary_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Folders or files of this year's return, as for check (default: the settings' "
            "inputs).",
            show_default=False,
        ),
    ] = None,
    previous: Annotated[
        list[Path] | None,
        typer.Option("--previous", "-p", help="Last year's return: its figures and the change."),
    ] = None,
    collection: Collection = None,
    year: Year = None,
    as_at: AsAt = None,
    la: Council = None,
    ofsted: OfstedLists = None,
    output_format: Annotated[
        SummaryFormat | None,
        typer.Option("--format", "-f", help="Default: from --output's extension, else terminal."),
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the summary here; repeat for several (.json, .csv, .xlsx, .html, .txt).",
        ),
    ] = None,
    flag_change: Annotated[
        float,
        typer.Option(
            help="With --previous, flag a figure that moves by more than this share of last "
            "year's value.",
            min=0.0,
        ),
    ] = DEFAULT_THRESHOLD,
    breakdowns: Annotated[
        bool,
        typer.Option(
            "--breakdowns",
            help="Show each figure's breakdowns in the terminal too (files always hold them).",
        ),
    ] = False,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="Settings file, as for check.")
    ] = None,
    partial: Annotated[
        bool,
        typer.Option("--partial", help="Summarise a return that lacks some of its tables."),
    ] = False,
    check_report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="CHECK.json",
            help="Take the data-quality counts from check's JSON report of these same files "
            "instead of running the rules again (refused if the files differ).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress.")] = False,
) -> None:
    """DfE's headline figures from a checked return, with last year's beside them.

    The return is read as `check` reads it and checked by the rules that check the fields the
    figures read (or, with --report, not checked again); each figure says how many children
    behind it have errors in the fields it uses. Exit codes: 0 the summary was written; 2 input
    that cannot be used.
    """
    settings, settings_path = config.load(config_path)
    settings = settings.merged(
        collection=collection,
        year=year,
        inputs=paths,
        previous=previous,
        la=la,
        ofsted=ofsted,
        partial=partial or None,
    )
    if not settings.inputs:
        where = f" or set inputs in {settings_path}" if settings_path else ""
        raise UsageError(f"name the files or folders to summarise{where}")
    planned = [(path, format_for(path, output_format)) for path in outputs or []]
    for path, _ in planned:
        if path.is_dir():
            raise UsageError(f"--output {path}: is a folder; name the file to write")
    # A misspelt date and an output over an input stop the run before the return is read.
    day = year_to_date.read(as_at) if as_at is not None else None
    refuse_outputs_over_inputs(
        [("--output", path) for path, _ in planned],
        [("one of the files being summarised", path) for path in settings.inputs]
        + [("one of last year's files", path) for path in settings.previous]
        + [("one of the Ofsted lists", path) for path in settings.ofsted]
        + ([("the check report", check_report)] if check_report else []),
    )
    if check_report is None:
        narrow = FigureRules()
        report, tables = check_run.run(
            settings, quiet=quiet, write_baseline=None, as_at=day, narrow=narrow
        )
        quality_source = narrow.note()
    else:
        report, tables, unread = saved_report.load_beside(check_report, settings)
    schema = schemas.load(tables.collection, tables.year)
    # The check's own period: to --as-at, or to the date a CIN census says it was taken on.
    checked = year_to_date.resolve(tables, day).period
    if check_report is not None:
        end = f"{checked.end:%d/%m/%Y}"
        report = saved_report.matching_report(check_report, tables, end, report, bool(unread))
        quality_source = saved_report.note(check_report, report, unread)
    period = checked if checked.end != schema.period.end else None
    summary = summarise(
        tables,
        schema,
        report,
        period=period,
        la=settings.la,
        threshold=flag_change,
        quality_source=quality_source,
    )
    if not planned:
        write(summary, output_format or SummaryFormat.TERMINAL, None, breakdowns)
        return
    for path, fmt in planned:
        write(summary, fmt, path)
        typer.echo(f"Wrote {path}", err=True)
