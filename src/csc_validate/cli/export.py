"""`csc-validate export`: write the return DfE takes, only when the year's checks allow it."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from csc_validate import atomic, collections, config, schemas
from csc_validate.cli.options import Council, OfstedLists, Year
from csc_validate.errors import UsageError
from csc_validate.findings import Report
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.pipeline import check as pipeline
from csc_validate.pipeline.export import check_output, prepare
from csc_validate.pipeline.request import Request
from csc_validate.reports import Format, format_for, terminal, write
from csc_validate.reports.options import Options
from csc_validate.reports.unwritable import locate, write_list
from csc_validate.returns import UnwritableReturnError
from csc_validate.severity import Severity
from csc_validate.tables import Tables

KNOWN = " or ".join(collections.registry())
NOTES_SHOWN = 20


def export_command(
    collection_name: Annotated[
        str,
        typer.Argument(
            metavar="COLLECTION",
            help=f"The return to write: {' or '.join(collections.registry())}.",
        ),
    ],
    paths: Annotated[
        list[Path], typer.Argument(help="Folders or files of the extract: CSV, XLSX or XML.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The return file to write: return.xml.")
    ],
    year: Year = None,
    previous: Annotated[
        list[Path] | None,
        typer.Option("--previous", "-p", help="Last year's return, for rules that compare years."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write the return even with errors (they are listed).")
    ] = False,
    la: Council = None,
    ofsted: OfstedLists = None,
    la_code: Annotated[
        str | None,
        typer.Option("--la-code", help="3-digit DfE LA number for the header (default: --la's)."),
    ] = None,
    software_code: Annotated[
        str | None, typer.Option("--software-code", help="Software code for the header.")
    ] = None,
    serial_number: Annotated[
        str | None, typer.Option("--serial-number", help="Serial number for the header.")
    ] = None,
    created: Annotated[
        str | None,
        typer.Option("--created", help="Date and time for the header, e.g. 2026-05-14T10:30:00."),
    ] = None,
    config_path: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Settings file (default: csc-validate.toml here, if there is one)."
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option(help="Findings listed in the terminal (0 for all).", min=0)
    ] = 50,
    as_at: Annotated[
        str | None,
        typer.Option("--as-at", help="Refused: the return DfE takes is a whole year.", hidden=True),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Totals only.")] = False,
    report_path: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Also write the findings as a report: errors.xlsx, .csv, .json or .html.",
        ),
    ] = None,
) -> None:
    """Check an extract with the year's DfE rules, then write it as the return DfE takes.

    Errors stop the export (exit 1) unless --force; queries are listed and do not. Exit 2 for
    input that cannot be used or tables that DfE's format cannot hold.
    """
    if as_at is not None:
        raise UsageError("--as-at: export writes the return DfE takes, which is a whole year")
    check_output(output)
    report_format = None if report_path is None else format_for(report_path, None)
    refuse_outputs_over_inputs(
        [("--output", output)] + [("--report", path) for path in [report_path] if path],
        [("one of the files being exported", path) for path in paths]
        + [("one of last year's files", path) for path in previous or []]
        + [("one of the Ofsted lists", path) for path in ofsted or []]
        + [("the settings file", path) for path in [config_path] if path is not None],
    )
    settings, _ = config.load(config_path)
    settings = settings.merged(year=year, la=la)
    council = settings.la if settings.la and settings.la.isdigit() else None
    header = {
        "la_code": la_code or settings.export.la_code or council,
        "software_code": software_code or settings.export.software_code,
        "serial_number": serial_number or settings.export.serial_number,
        "created": created,
    }
    # The year's checks, every rule of the pack: what DfE would run on the return.
    request = Request(
        paths=tuple(paths),
        previous=tuple(previous or ()),
        collection=collection_name,
        year=settings.year,
        la=settings.la,
        ofsted=tuple(ofsted or ()),
    )
    report, tables = pipeline.run(request)
    if report_path is not None and report_format is not None:
        _write_report(report, tables, report_path, report_format)
    if report.findings or report.incomplete:
        next_step = _next_step(report, report_path, force)
        options = Options(limit=limit, quiet=quiet, next_step=next_step)
        terminal.write(report, None, options)
    errors = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    if report.incomplete:
        missing = ", ".join(report.missing_tables)
        why = f"the extract lacks {missing}" if missing else "a rule failed"
        errors.print(f"export refused: the check is incomplete ({why})", markup=False)
        raise typer.Exit(2)
    if report.as_at:
        errors.print(
            f"export refused: the extract is as at {report.as_at} ({report.as_at_source}); "
            "the return DfE takes is a whole year",
            markup=False,
        )
        raise typer.Exit(2)
    rule_errors = report.count_at_or_above(Severity.ERROR)
    if rule_errors and not force:
        _refuse(errors, rule_errors)
    try:
        prepared = prepare(
            request, (report, tables), output, {k: v for k, v in header.items() if v}
        )
    except UnwritableReturnError as error:
        if not error.rows:
            raise
        _refuse_unwritable(errors, error, tables, output)
    for validated in prepared.files:
        notes = validated.file.notes
        for note in notes[:NOTES_SHOWN]:
            errors.print(f"{validated.file.path}: {note}", markup=False)
        if len(notes) > NOTES_SHOWN:
            more = len(notes) - NOTES_SHOWN
            errors.print(f"{validated.file.path}: and {more} more like these", markup=False)
        for problem in validated.problems:
            errors.print(f"{validated.file.path}: schema: {problem}", markup=False)
    if prepared.blocking and not force:
        _refuse(errors, prepared.blocking)
    for validated in prepared.files:
        atomic.write_bytes(validated.file.path, validated.file.data)
        errors.print(
            f"Wrote {validated.file.path} ({validated.file.description}); "
            f"validated against {validated.against}",
            markup=False,
        )
    if prepared.blocking:
        errors.print(
            f"written with --force: it has {prepared.blocking} error(s) DfE will reject",
            markup=False,
        )


def _write_report(report: Report, tables: Tables, path: Path, fmt: Format) -> None:
    """The findings as a report beside the return, in the format its name says (refused
    before the check when it would land on an input)."""
    child_column = schemas.load(report.collection, report.year).child_column
    write(report, fmt, path, Options(tables=tables, child_column=child_column))
    typer.echo(f"Wrote {path}", err=True)


def _next_step(report: Report, report_path: Path | None, force: bool) -> str:
    """Export's own advice: fix the errors and export again (the return is what is wanted)."""
    if not report.summary:
        return ""
    top = report.summary[0].rule
    where = (
        f"work through {report_path}"
        if report_path is not None
        else "add --report errors.xlsx for a workbook to work through"
    )
    then = "" if force else ", then export again (or add --force to write it with its errors)"
    return f"Next: {where}{then}; csc-validate explain {top} explains the most frequent rule."


def _refuse_unwritable(
    errors: Console, error: UnwritableReturnError, tables: Tables, output: Path
) -> None:
    """Every row DfE's XML cannot hold, with its child and lines, here and in a file."""
    located = locate(error.rows, tables)
    errors.print(
        f"export refused: {len(located)} record(s) cannot be written as DfE's XML "
        "(each would be lost or changed):",
        markup=False,
    )
    for item in located:
        errors.print(f"  {item}", markup=False)
    listing = output.with_name(f"{output.stem}-unwritable.csv")
    write_list(listing, located)
    errors.print(f"Wrote the list to {listing}", markup=False)
    raise typer.Exit(2)


def _refuse(errors: Console, count: int) -> None:
    errors.print(
        f"export refused: {count} error(s) DfE would reject the return for; "
        "fix them and export again, or use --force to write it anyway",
        markup=False,
    )
    raise typer.Exit(1)
