"""`csc-validate trend REPORT.json…`: the month-by-month picture from check's JSON reports."""

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from csc_validate import atomic, schemas
from csc_validate.errors import UsageError
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.reports.split import parse_spec, read_lookup
from csc_validate.trend import Trend, build, reports
from csc_validate.trend_report import csv_bytes, html_bytes, per_run

WRITERS = {".csv": csv_bytes, ".html": html_bytes}


def trend_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="REPORT.json...",
            help="JSON reports written by check (--output FILE.json), oldest first, or folders "
            "of them (taken in file-name order).",
        ),
    ],
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the trend: .csv (counts) or .html (charts).",
        ),
    ] = None,
    teams: Annotated[
        str | None,
        typer.Option(
            metavar="LOOKUP.csv:COLUMN",
            help="Count per team (or worker) named in COLUMN of LOOKUP.csv, as --split-by does.",
        ),
    ] = None,
) -> None:
    """Errors per rule, table and team across runs; what was fixed and what is new between runs;
    what has been open longest."""
    for output in outputs or []:
        if output.suffix.lower() not in WRITERS:
            raise UsageError(f"--output {output}: name it .csv or .html")
    protected = [("one of the reports", path) for path in paths]
    if teams is not None:
        protected.append(("the --teams lookup", parse_spec(teams)[0]))
    refuse_outputs_over_inputs([("--output", path) for path in outputs or []], protected)
    runs = reports(paths)
    team_of = None
    if teams is not None:
        collection = runs[-1].report
        child_column = schemas.load(collection.collection, collection.year).child_column
        lookup = read_lookup(teams, child_column)
        team_of = {child: team for team, children in lookup.teams.items() for child in children}
    trend = build(runs, team_of)
    render(Console(highlight=False, emoji=False), trend)
    for output in outputs or []:
        atomic.write_bytes(output, WRITERS[output.suffix.lower()](trend))
        typer.echo(f"Wrote {output}", err=True)


def render(console: Console, trend: Trend) -> None:
    runs = Table(title="Runs", box=box.SIMPLE_HEAD, title_justify="left")
    for name in ("Run", "Errors", "Queries", "Fixed", "New", "Still open"):
        runs.add_column(name, justify="left" if name == "Run" else "right", no_wrap=True)
    for index, run in enumerate(trend.runs):
        changes = trend.changes[index - 1] if index else None
        totals = trend.totals[index]
        runs.add_row(
            Text(run),
            str(totals["error"]),
            str(totals["query"]),
            *(("", "", "") if changes is None else map(str, changes)),
        )
    console.print(runs)
    for field in ("table", "rule"):
        series = per_run(trend, field)
        if not series:
            continue
        table = Table(title=f"Findings per {field}", box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column(field.capitalize(), no_wrap=True)
        for run in trend.runs:
            table.add_column(Text(run), justify="right", no_wrap=True)
        for name, values in series.items():
            table.add_row(Text(name), *map(str, values))
        console.print(table)
    if trend.teams_known:
        table = Table(title="Findings per team", box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column("Team")
        for run in trend.runs:
            table.add_column(Text(run), justify="right", no_wrap=True)
        for name, values in per_run(trend, "team").items():
            table.add_row(Text(name), *map(str, values))
        console.print(table)
    else:
        console.print("Per team: the reports carry no team; give --teams LOOKUP.csv:COLUMN.")
    if trend.longest_open:
        table = Table(title="Open longest", box=box.SIMPLE_HEAD, title_justify="left")
        for name in ("Rule", "Table", "Child", "Since", "Runs"):
            table.add_column(name, no_wrap=name != "Child")
        for item in trend.longest_open[:10]:
            finding = item.finding
            table.add_row(
                Text(finding.rule),
                Text(finding.table),
                Text(finding.child or ""),
                Text(item.since),
                str(item.runs),
            )
        console.print(table)
