"""`csc-validate example-data`: write a synthetic return to try the checks on."""

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from csc_validate import schemas
from csc_validate.periods import parse_year, previous_year
from csc_validate.synthetic import ssda903

COLLECTIONS = ("ssda903",)


def example_data(
    collection: Annotated[
        str, typer.Argument(help="The return to imitate: ssda903 (children looked after).")
    ],
    children: Annotated[
        int, typer.Option("--children", min=1, help="Children in this year's return.")
    ] = 200,
    seed: Annotated[int, typer.Option("--seed", help="The same seed writes the same files.")] = 1,
    year: Annotated[
        str, typer.Option("--year", help="Collection year such as 2025-26; last year's comes too.")
    ] = "2025-26",
    error_rate: Annotated[
        float,
        typer.Option(
            "--error-rate",
            min=0.0,
            max=1.0,
            help="Share of children given realistic mistakes (0 for a clean return).",
        ),
    ] = 0.05,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for <year>/ and <previous year>/ CSV files.")
    ] = Path("example-data"),
) -> None:
    """Write synthetic example data (no real child's data): a year's return and last year's."""
    if collection not in COLLECTIONS:
        raise typer.BadParameter(
            f"{collection!r} has no example data yet (available: {', '.join(COLLECTIONS)})",
            param_hint="COLLECTION",
        )
    try:
        parse_year(year)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--year") from error
    known = schemas.available_years(collection)
    if year not in known:
        raise typer.BadParameter(
            f"no {collection} schema for {year} (known years: {', '.join(known)})",
            param_hint="--year",
        )
    result = ssda903.generate(children, seed, year, error_rate)
    written = ssda903.write(result, out, year)
    console = Console()
    for folder, tables in ((year, result.current), (previous_year(year), result.previous)):
        table = Table(title=str(out / folder), box=box.SIMPLE_HEAD, title_justify="left")
        table.add_column("Table")
        table.add_column("File")
        table.add_column("Rows", justify="right")
        for name, frame in tables.items():
            table.add_row(name, ssda903.FILE_NAMES[name], str(frame.height))
        console.print(table)
    console.print(
        f"Wrote {len(written)} files with {len(result.mistakes)} deliberate mistakes "
        f"(error rate {error_rate:g})."
    )
