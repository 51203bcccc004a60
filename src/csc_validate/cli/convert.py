"""`csc-validate convert`: an XML return as the tables `check` reads, in CSV or XLSX."""

from pathlib import Path
from typing import Annotated

import typer

from csc_validate import collections
from csc_validate.cli.options import Year
from csc_validate.pipeline.convert import Target, convert


def convert_command(
    path: Annotated[
        Path,
        typer.Argument(
            help=f"The XML return: {' or '.join(c.title for c in collections.registry().values())}."
        ),
    ],
    to: Annotated[Target, typer.Option("--to", help="csv: a file per table; xlsx: a workbook.")] = (
        Target.CSV
    ),
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write the tables in (made if need be).")
    ] = Path("tables"),
    year: Year = None,
) -> None:
    """Turn an XML return into the flat tables `check` reads, to open in Excel or give as
    --previous. The return itself is not changed."""
    for line in convert(path, to, out, year):
        typer.echo(line, err=True)
